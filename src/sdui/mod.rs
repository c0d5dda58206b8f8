//! Server-driven rendering: inputs for the fields a server describes.

pub mod blocks;
pub mod fields;
