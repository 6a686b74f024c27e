// scripts/trim-glue.mjs: each cut on glue written as wasm-bindgen writes it, for exports other
// than today's (the cuts must not depend on their names or arguments), and on the real glue.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import test from 'node:test';
import { trimGlue } from './trim-glue.mjs';

const parses = (text) => {
  execFileSync(process.execPath, ['--input-type=module', '--check'], { input: text, stdio: ['pipe', 'ignore', 'pipe'] });
  return true;
};

const GLUE = `export class Minter {
    free() {
        wasm.__wbg_minter_free(this.__wbg_ptr, 0);
    }
    /**
     * Mints one, as the Rust doc comment says.
     * @param {string} label
     * @param {Uint8Array | null | undefined} bytes
     * @returns {number}
     */
    mint(label, bytes) {
        let ptr0, len0, ptr1, len1;
        try {
            ptr0 = passStringToWasm0(label, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
            len0 = WASM_VECTOR_LEN;
            ptr1 = isLikeNone(bytes) ? 0 : passArray8ToWasm0(bytes, wasm.__wbindgen_malloc);
            len1 = WASM_VECTOR_LEN;
        } catch (e) {
            if (ptr1) { wasm.__wbindgen_free(ptr1, len1 * 1, 1); }
            if (ptr0) { wasm.__wbindgen_free(ptr0, len0 * 1, 1); }
            throw e;
        }
        return wasm.minter_mint(this.__wbg_ptr, ptr0, len0, ptr1, len1);
    }
}
if (Symbol.dispose) Minter.prototype[Symbol.dispose] = Minter.prototype.free;

const MinterFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_minter_free(ptr, 1));

function passStringToWasm0(arg, malloc, realloc) {
    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        return buf.length;
    }
    return realloc(malloc(arg.length, 1), arg.length, arg.length, 1);
}

const cachedTextEncoder = new TextEncoder();

if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        return { read: arg.length, written: 0 };
    };
}
`;

test('trim-glue: every cut applies to exports it has never seen, and the result parses', () => {
  const { text, report } = trimGlue(GLUE);
  assert.ok(parses(text));
  assert.deepEqual(report.map((r) => r.split(': ')[1]), ['1', '1', '1', '1', '1', '1', '1'], report.join('; '));
  assert.ok(!text.includes('/**') && !text.includes('@param'), "wasm-bindgen's JSDoc gone");
  assert.ok(!text.includes('catch'), 'argument cleanup gone');
  assert.match(text, /\n {8}ptr0 = passStringToWasm0\(label, [^\n]*\n {8}len0 = WASM_VECTOR_LEN;\n/, 'the copies stay, one level out');
  assert.match(text, /ptr1 = isLikeNone\(bytes\) \? 0 : passArray8ToWasm0/);
  assert.ok(!text.includes('Symbol.dispose'));
  assert.match(text, /const MinterFinalization = \/\* @__PURE__ \*\/ new FinalizationRegistry\(ptr => /);
  assert.ok(!text.includes('realloc === undefined'));
  assert.ok(!text.includes('encodeInto'));
});

test('trim-glue: what a cut cannot prove unused stays', () => {
  // A call without realloc takes the branch; a copy inside braces is not the shape the cut knows.
  const twoArgs = `${GLUE}\nexport const n = passStringToWasm0('x', wasm.__wbindgen_malloc);\n`;
  const { text, report } = trimGlue(twoArgs.replace('len1 = WASM_VECTOR_LEN;', 'if (ptr1) { len1 = WASM_VECTOR_LEN; }'));
  assert.ok(parses(text));
  assert.ok(text.includes('realloc === undefined'), 'the branch stays');
  assert.ok(report.includes('passStringToWasm0 without realloc: not applicable'));
  assert.ok(text.includes('} catch (e) {'), 'the cleanup stays');
});

test('trim-glue: the shipped glue has none of what the cuts remove', { skip: !existsSync('pkg/videosdk_token.js') && 'no pkg/' }, () => {
  const text = readFileSync('pkg/videosdk_token.js', 'utf8');
  assert.ok(parses(text));
  assert.doesNotMatch(text, /Symbol\.dispose|typeof FinalizationRegistry|'encodeInto' in|realloc === undefined|@param/);
  assert.doesNotMatch(text, /catch \(\w+\) \{\s*if \(ptr\d+\) \{\s*wasm\.__wbindgen_free/);
  assert.doesNotMatch(text, /(?<!\/\* @__PURE__ \*\/ )new FinalizationRegistry\(/);
  assert.deepEqual(trimGlue(text).text, text, 'trimming twice changes nothing');
});
