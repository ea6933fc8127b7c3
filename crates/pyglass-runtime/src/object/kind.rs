//! Payload kinds: the low byte of `ob_flags`, naming which Rust payload type follows the
//! header. Subclasses share their base's kind (a `class L(list)` instance is a List).

macro_rules! kinds {
    ($($name:ident = $n:literal,)*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind { $($name = $n,)* }
        impl Kind {
            #[inline(always)]
            pub fn from_byte(b: u8) -> Kind {
                match b { $($n => Kind::$name,)* _ => Kind::Object }
            }
        }
    };
}

kinds! {
    Object = 0,
    Type = 1,
    Int = 2,
    Float = 3,
    Complex = 4,
    Str = 5,
    Bytes = 6,
    ByteArray = 7,
    List = 8,
    Tuple = 9,
    Dict = 10,
    Set = 11,
    Range = 12,
    Slice = 13,
    Function = 14,
    BuiltinFunction = 15,
    MethodDescriptor = 16,
    BoundMethod = 17,
    Code = 18,
    Cell = 19,
    Module = 20,
    Exception = 21,
    Traceback = 22,
    Iterator = 23,
    Generator = 24,
    Property = 25,
    StaticMethod = 26,
    ClassMethod = 27,
    Super = 28,
    WeakRef = 29,
    MemberDescriptor = 30,
    DictView = 31,
    Frame = 32,
    NativeData = 33,
    MappingProxy = 34,
    Namespace = 35,
    GetSetDescriptor = 36,
}
