//! The global allocator of the wasm build: power-of-two size classes, one free list each.
//!
//! Why not the default (dlmalloc): it was the largest single piece of the module (about 8 KB of
//! code, a tenth of it), for features this module never uses: coalescing, splitting, returning
//! memory. Every export allocates a few short strings and vectors and frees them before it
//! returns; a `TokenSigner` keeps one boxed state until `free()`. So a block freed is soon
//! wanted again at the same size, and memory stays at the peak of one call per size class
//! (tests/js/soak.test.mjs holds it flat over many calls).
//!
//! A block of class `k` is `2^k` bytes, carved from the end of the heap and never split or
//! merged; a freed block goes on its class's list (its first word links to the next). Blocks
//! that move on `realloc` are zeroed before they are freed, so a growing buffer leaves no copy
//! of what it held (key material is zeroized by its owners; this covers the copies the
//! allocator itself makes). Single-threaded: wasm32 without the atomics feature has one thread.

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

const PAGE: usize = 64 * 1024;
/// Blocks are at least one link wide and 8-aligned (the largest alignment of the core's types).
const MIN_CLASS: u32 = 3;
/// Alignment guaranteed to a block taken from a free list: a block of `2^k` bytes is carved at
/// an address aligned to `min(2^k, MAX_ALIGN)`.
const MAX_ALIGN: usize = 16;

struct Heap {
    free: [*mut u8; 33],
    next: usize,
    end: usize,
}

pub(crate) struct Classes(UnsafeCell<Heap>);

// SAFETY: wasm32 without atomics runs one thread, so the heap is never shared between threads.
unsafe impl Sync for Classes {}

#[global_allocator]
static ALLOC: Classes = Classes(UnsafeCell::new(Heap {
    free: [null_mut(); 33],
    next: 0,
    end: 0,
}));

/// The class of a layout: the smallest `k` with `2^k >= max(size, align, 8)`.
#[inline]
fn class(layout: Layout) -> u32 {
    let size = layout.size().max(layout.align());
    (usize::BITS - (size - 1).leading_zeros()).max(MIN_CLASS)
}

impl Heap {
    /// A new block of `2^k` bytes from the end of the heap, growing memory when needed.
    #[inline(never)]
    fn carve(&mut self, k: u32, align: usize) -> *mut u8 {
        let size = 1usize << k;
        let align = align.max(size.min(MAX_ALIGN));
        let start = (self.next + align - 1) & !(align - 1);
        if start < self.next || start.checked_add(size).is_none_or(|end| end > self.end) {
            let pages = size.div_ceil(PAGE) + 1;
            let old = core::arch::wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return null_mut();
            }
            let base = old * PAGE;
            // Contiguous with what is left: keep the tail; otherwise start at the new pages.
            if base != self.end {
                self.next = base;
            }
            self.end = base + pages * PAGE;
            return self.carve(k, align);
        }
        self.next = start + size;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for Classes {
    #[inline(never)]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: one thread (see `Sync` above), and no allocation re-enters the allocator.
        let heap = unsafe { &mut *self.0.get() };
        let k = class(layout);
        let head = heap.free[k as usize];
        // A listed block is aligned to min(2^k, MAX_ALIGN); larger alignments are always carved.
        if !head.is_null() && layout.align() <= MAX_ALIGN {
            // SAFETY: a listed block is a freed block of class k; its first word is the link.
            heap.free[k as usize] = unsafe { *(head as *mut *mut u8) };
            return head;
        }
        heap.carve(k, layout.align())
    }

    #[inline(never)]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as in `alloc`; `ptr` is a live block of this layout's class, at least 8 bytes.
        let heap = unsafe { &mut *self.0.get() };
        let k = class(layout) as usize;
        unsafe { *(ptr as *mut *mut u8) = heap.free[k] };
        heap.free[k] = ptr;
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for `new_size` (GlobalAlloc's contract).
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new_layout) == class(layout) {
            return ptr;
        }
        // SAFETY: a fresh block of `new_size`; `ptr` holds `layout.size()` initialised bytes.
        unsafe {
            let new = self.alloc(new_layout);
            if !new.is_null() {
                let keep = layout.size().min(new_size);
                core::ptr::copy_nonoverlapping(ptr, new, keep);
                core::ptr::write_bytes(ptr, 0, layout.size());
                self.dealloc(ptr, layout);
            }
            new
        }
    }
}
