//! The default dictionaries written by the project, embedded in the binary.
//!
//! The sources are herald-format files under `crates/dict/data/` (see `FORMAT.md`):
//! countries and territories, world regions, international organisations, agents, office
//! holders by region, and the verb lexicon. They are read through the same parser as user
//! dictionaries, once, on first use.
//!
//! ```
//! let dict = herald_dict::defaults::defaults();
//! assert!(dict.actors.iter().any(|a| a.code == "KAZ"));
//! ```

use std::sync::LazyLock;

use crate::entry::Dictionary;
use crate::format;

/// The embedded files: `(name, text)`, in the order they are merged.
pub const FILES: &[(&str, &str)] = &[
    ("countries.hd", include_str!("../data/countries.hd")),
    ("regions.hd", include_str!("../data/regions.hd")),
    ("organizations.hd", include_str!("../data/organizations.hd")),
    ("agents.hd", include_str!("../data/agents.hd")),
    (
        "leaders_central_asia_caucasus.hd",
        include_str!("../data/leaders_central_asia_caucasus.hd"),
    ),
    ("leaders_g20.hd", include_str!("../data/leaders_g20.hd")),
    ("leaders_world.hd", include_str!("../data/leaders_world.hd")),
    (
        "leaders_history.hd",
        include_str!("../data/leaders_history.hd"),
    ),
    ("verbs.hd", include_str!("../data/verbs.hd")),
    ("nouns.hd", include_str!("../data/nouns.hd")),
];

static DEFAULTS: LazyLock<Dictionary> = LazyLock::new(|| {
    let mut dict = Dictionary::default();
    for (name, text) in FILES {
        let origin = format!("defaults/{name}");
        // Corrupt embedded data is a build bug: the tests below parse every file.
        dict.extend(format::parse(text, &origin).expect("embedded dictionary parses"));
    }
    dict
});

/// The default dictionary: every embedded file, parsed once.
pub fn defaults() -> &'static Dictionary {
    &DEFAULTS
}

#[cfg(test)]
#[path = "defaults_tests.rs"]
mod tests;
