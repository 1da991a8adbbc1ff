//! `FromJson` and `ToJson` for a struct from one list of its fields, as serde's derives
//! read and write them: each field under its own name, in declaration order (so both
//! write the same bytes). A field marked `default` may be missing or `null`
//! (`#[serde(default)]`, or an `Option`, which serde reads as `None` when missing). The
//! struct literal names every field, so a field left off the list does not compile.

/// `json_struct!(Grid { id, name, buildings: default })` reads and writes a `Grid`;
/// `json_struct!(read Dataset { … })` only reads.
macro_rules! json_struct {
    (read $ty:ident { $($field:ident $(: $default:ident)?),+ $(,)? }) => {
        impl $crate::format::json::FromJson for $ty {
            fn from_json(j: &$crate::format::json::Json) -> Option<$ty> {
                Some($ty { $($field: json_struct!(@field j, $field $(, $default)?),)+ })
            }
        }
    };
    ($ty:ident { $($field:ident $(: $default:ident)?),+ $(,)? }) => {
        json_struct!(read $ty { $($field $(: $default)?),+ });

        impl $crate::format::json::ToJson for $ty {
            fn to_json(&self) -> $crate::format::json::Json {
                $crate::format::json::Json::object([
                    $((stringify!($field), $crate::format::json::ToJson::to_json(&self.$field)),)+
                ])
            }
        }
    };
    (@field $j:ident, $field:ident) => {
        $j.field(stringify!($field))?
    };
    (@field $j:ident, $field:ident, default) => {
        $j.field_or_default(stringify!($field))?
    };
}

/// `FromJson` and `ToJson` for enums declared with `keyed_enum!`, as serde writes them: the
/// variant's name as a string (`name`, `from_name`: the variants are listed only there).
macro_rules! json_keyed_enums {
    ($($ty:ident),+ $(,)?) => {$(
        impl $crate::format::json::FromJson for $ty {
            fn from_json(json: &$crate::format::json::Json) -> Option<$ty> {
                $ty::from_name(json.as_str()?)
            }
        }

        impl $crate::format::json::ToJson for $ty {
            fn to_json(&self) -> $crate::format::json::Json {
                $crate::format::json::Json::String(self.name().to_string())
            }
        }
    )+};
}
