//! Layer 2, the VideoSDK model: its words (vocab), time and spans, sign options and the checked
//! claims they become, and the review of a payload (what VideoSDK would refuse).

pub mod review;
pub mod sign_options;
pub mod time;
pub mod vocab;
