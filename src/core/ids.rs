//! Ids that code matches on and that travel as text (in JSON, on the IPC
//! socket, as message ids in the Fluent catalogue) are enums: a typo is a
//! compile error, and text from an older or newer peer is a typed `None`,
//! never a panic.

/// Declares a fieldless enum with a kebab-case id per variant: `ALL`,
/// `id()`, `from_id()`, `Display`, and serde as that id.
#[macro_export]
macro_rules! id_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $id:literal ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        $vis enum $name {
            $( $(#[$vmeta])* $variant ),*
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The id as it travels and as message ids use it.
            pub fn id(self) -> &'static str {
                match self {
                    $($name::$variant => $id),*
                }
            }

            /// The variant with this id, if there is one.
            pub fn from_id(s: &str) -> Option<$name> {
                match s {
                    $($id => Some($name::$variant),)*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.id())
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.id())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                $name::from_id(&s).ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "unknown {} “{}”",
                        stringify!($name),
                        s.escape_debug()
                    ))
                })
            }
        }
    };
}

#[cfg(test)]
mod tests {
    crate::id_enum! {
        enum Colour {
            Red = "red",
            DarkBlue = "dark-blue",
        }
    }

    #[test]
    fn ids_round_trip_and_unknown_ones_are_errors() {
        for c in Colour::ALL {
            assert_eq!(Colour::from_id(c.id()), Some(*c));
            let json = serde_json::to_string(c).unwrap();
            assert_eq!(serde_json::from_str::<Colour>(&json).unwrap(), *c);
        }
        assert_eq!(Colour::DarkBlue.to_string(), "dark-blue");
        assert!(serde_json::from_str::<Colour>("\"green\"").is_err());
        assert_eq!(Colour::from_id("green"), None);
    }
}
