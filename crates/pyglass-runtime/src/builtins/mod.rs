//! Methods of the built-in types and the `builtins` module.

pub mod args;
pub mod bytes;
pub mod callables;
pub mod containers;
pub mod dunders;
pub mod exec;
pub mod format;
pub mod functions;
pub mod native;
pub mod numbers;
pub mod repr;
pub mod setops;
pub mod sizes;
pub mod strformat;
pub mod strings;
pub mod timsort;
pub mod types_init;
pub mod unicode_props;
