//! The data of the built-in types, one file per type (CPython's `Objects/`).

pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod iter;
pub mod list;
pub mod misc;
pub mod set;
pub mod str;
pub mod tuple;
pub mod typeobject;
