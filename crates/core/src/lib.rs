//! Domain types and rules of gcm-hub, pure (no IO): nothing here reads files,
//! opens connections or looks at the clock. Reference data the rules need is
//! compiled into the crate.
//!
//! Modules:
//! - [`accounts`]: platform and organisation roles, the authorization policy,
//!   and the checks on credentials (e-mail, password, display name).
//! - [`practices`]: the knowledge platform's vocabulary (status, scope, progress, themes).
//! - [`geo`]: countries (ISO 3166-1) and UN regions (UN M49), with names in the
//!   platform's languages, UN membership, lookup and validation of the country
//!   codes that organisations, practices and requests record.

/// Declares a closed vocabulary with its stable snake_case names.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(s: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.as_str() == s)
            }
        }
    };
}

pub mod accounts;
pub mod geo;
pub mod hub;
pub mod hub_score;
pub mod practices;
