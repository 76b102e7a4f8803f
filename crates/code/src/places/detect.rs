//! Toponym detection: capitalised spans the gazetteer knows, filtered by their context.

use herald_core::{Sentence, Span};
use herald_geo::Gazetteer;

/// A word of the detector: a run of non-space characters with outer punctuation trimmed
/// (a final period kept on abbreviations: "U.S.", "Ky.", "St.").
#[derive(Clone, Debug)]
pub(crate) struct Word {
    /// Bytes of the word.
    pub span: Span,
    /// True when it starts with a capital letter.
    pub capital: bool,
    /// True when punctuation (other than an abbreviation's period) follows it directly.
    pub punct_after: Option<char>,
    /// True when it starts a sentence.
    pub initial: bool,
    /// True when its sentence is in title case (capitals say little there).
    pub title_case: bool,
}

/// What a detected name refers to in its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A place where something is or happens.
    Place,
    /// A demonym or adjective ("Kazakh", "Russian"): an actor's origin, not a place.
    Adjectival,
    /// A place name standing for its government or people ("Moscow said").
    Metonymic,
}

/// A detected name: words `first..end`, the gazetteer key, and its role.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub first: usize,
    pub end: usize,
    pub span: Span,
    pub key: String,
    pub role: Role,
}

/// Splits a document into detector words, sentence by sentence.
pub(crate) fn words(text: &str, sentences: &[Sentence], gaz: &Gazetteer) -> Vec<Word> {
    let spans: Vec<Span> = if sentences.is_empty() {
        vec![Span::new(0, text.len())]
    } else {
        sentences.iter().map(|s| s.span).collect()
    };
    let mut out: Vec<Word> = Vec::new();
    for span in spans {
        let Some(part) = span.get(text) else { continue };
        let sentence_start = out.len();
        let mut first = true;
        let mut pos = 0;
        // Words split at white space, and at hyphens between capitalised parts
        // ("DFL-Minneapolis"; "Winston-Salem" is matched across the hyphen again).
        // Dashes written without spaces end a word too: "FALLS VILLAGE—The board…".
        let pieces = part.split_inclusive(is_word_break).flat_map(|raw| {
            let mut v = Vec::new();
            let mut rest = raw;
            // A party and home town: "Rep. Torrey Westrom, R-Elbow Lake".
            if let Some(town) = party_prefix(rest) {
                v.push(&rest[..rest.len() - town.len()]);
                rest = town;
            }
            while let Some(h) = rest.find('-') {
                let (a, b) = rest.split_at(h + 1);
                // "DFL-Minneapolis", and "Atlanta-based", "Texas-area" (a place before a
                // lowercase suffix).
                let mut left = a.trim_start_matches(is_outer_punct).chars();
                let capital = left.next().is_some_and(char::is_uppercase);
                // ("U.S.-led": an abbreviation before a lowercase suffix too.)
                let lower_suffix = b.starts_with(char::is_lowercase)
                    && (!left.any(char::is_uppercase) || a.ends_with(".-"));
                if a.len() > 2 && capital && (b.starts_with(char::is_uppercase) || lower_suffix) {
                    v.push(a);
                    rest = b;
                } else {
                    break;
                }
            }
            v.push(rest);
            v
        });
        for raw in pieces {
            let start = span.start + pos;
            pos += raw.len();
            let word = raw.trim_end();
            let lead = word.len() - word.trim_start_matches(is_outer_punct).len();
            let mut core = &word[lead..];
            let mut after = None;
            // Trailing punctuation: keep an abbreviation's period.
            while let Some(c) = core.chars().last() {
                let strip =
                    (is_outer_punct(c) || c == '.') && !(c == '.' && is_abbreviation(core, gaz));
                if !strip {
                    break;
                }
                after = Some(c);
                core = &core[..core.len() - c.len_utf8()];
            }
            // A possessive is not part of the name.
            for s in ["'s", "’s"] {
                if let Some(stem) = core.strip_suffix(s) {
                    core = stem;
                    after = Some('\'');
                }
            }
            // A dash, free-standing or run on to the next word, ends the name before it:
            // "MANSFIELD — Police said", "BEIJING --At least".
            // After a dateline in capitals the story's first sentence starts.
            if word.starts_with(['—', '–', '-', '\u{97}'])
                && let Some(w) = out[sentence_start..].last_mut()
            {
                w.punct_after.get_or_insert('—');
                let caps = is_caps(w.span.slice(text));
                // "TBILISI, Georgia — Police said": a dateline with its qualifier.
                let opens = &out[sentence_start];
                let dateline = out.len() - sentence_start <= 4
                    && opens.punct_after == Some(',')
                    && is_caps(opens.span.slice(text));
                first |= caps || dateline;
            }
            if core.is_empty() {
                continue;
            }
            let s = Span::new(start + lead, start + lead + core.len());
            out.push(Word {
                span: s,
                capital: core.starts_with(char::is_uppercase),
                punct_after: after,
                initial: std::mem::take(&mut first) || lead > 0 && word.starts_with(['"', '“']),
                title_case: false,
            });
            first = matches!(after, Some('—' | '–' | '-')) && is_caps(core);
        }
        // Title case: most longer words capitalised, and no lowercase one but the short
        // function words title case leaves lowercase ("That's how Judy Law of Oxford, North
        // Carolina, described it" is a name-heavy sentence, not a headline).
        let here = &mut out[sentence_start..];
        let long: Vec<bool> = here
            .iter()
            .filter(|w| w.span.len() > 3)
            .map(|w| w.capital)
            .collect();
        let content_lower = here.iter().any(|w| {
            let t = w.span.slice(text);
            t.len() > 3 && !w.capital && t.chars().all(char::is_alphabetic) && !is_title_lower(t)
        });
        if long.len() >= 3
            && !content_lower
            && long.iter().filter(|c| **c).count() * 10 >= long.len() * 7
        {
            here.iter_mut().for_each(|w| w.title_case = true);
        }
    }
    out
}

/// True for a word in capitals ("DENVER", "ST. PAUL").
fn is_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
}

/// Longer words that title case leaves in lowercase.
fn is_title_lower(w: &str) -> bool {
    matches!(
        w,
        "with"
            | "from"
            | "into"
            | "onto"
            | "over"
            | "upon"
            | "than"
            | "that"
            | "this"
            | "after"
            | "about"
            | "under"
            | "amid"
            | "near"
            | "past"
            | "without"
            | "before"
            | "between"
            | "against"
            | "during"
            | "through"
            | "across"
            | "since"
            | "until"
            | "while"
            | "versus"
            | "toward"
            | "towards"
            | "among"
    )
}

/// Where the text splits into words: white space, and dashes (an em dash mis-decoded as
/// U+0097 included).
fn is_word_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '—' | '–' | '\u{97}')
}

/// The town after a legislator's party letter ("D-Elbow Lake" → "Elbow Lake").
fn party_prefix(word: &str) -> Option<&str> {
    let word = word.trim_start_matches(is_outer_punct);
    let town = word
        .strip_prefix("D-")
        .or_else(|| word.strip_prefix("R-"))
        .or_else(|| word.strip_prefix("I-"))?;
    town.starts_with(char::is_uppercase).then_some(town)
}

fn is_outer_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';'
            | ':'
            | '!'
            | '?'
            | '"'
            | '“'
            | '”'
            | '('
            | ')'
            | '['
            | ']'
            | '\''
            | '‘'
            | '’'
            | '—'
            | '–'
            | '*'
            | '_'
            | '-'
            | '\u{97}'
    )
}

/// "U.S.", "W.Va.", "St.", "Ky.": dotted inside, a name-part abbreviation, or a name the
/// gazetteer has with its period ("Kan.", "Pa.": the state, not a Kan in Myanmar).
fn is_abbreviation(w: &str, gaz: &Gazetteer) -> bool {
    let body = &w[..w.len() - 1];
    body.contains('.')
        || matches!(body, "St" | "Ste" | "Ft" | "Mt" | "Pt")
        || !gaz.lookup(w).is_empty()
}

/// Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Dar es
/// Salaam", "Stratford upon Avon").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "and"
            | "the"
            | "de"
            | "del"
            | "da"
            | "do"
            | "es"
            | "el"
            | "al"
            | "la"
            | "le"
            | "upon"
            | "on"
            | "sur"
            | "am"
    )
}

/// Words before a name that make it a place ("in Almaty", "near Mobile").
pub(crate) fn is_locative(w: &str) -> bool {
    matches!(
        w,
        "in" | "at"
            | "near"
            | "from"
            | "outside"
            | "across"
            | "into"
            | "toward"
            | "towards"
            | "around"
            | "throughout"
            | "inside"
            | "to"
            | "through"
            | "via"
            | "between"
    )
}

/// Capitalised words that are places somewhere but almost never in news text: compass
/// points, months, weekdays, holidays, institutions.
fn is_not_a_place(w: &str) -> bool {
    matches!(
        w,
        "North"
            | "South"
            | "East"
            | "West"
            | "Northeast"
            | "Northwest"
            | "Southeast"
            | "Southwest"
            | "Northern"
            | "Southern"
            | "Eastern"
            | "Western"
            | "Central"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan."
            | "Feb."
            | "Mar."
            | "Apr."
            | "Jun."
            | "Jul."
            | "Aug."
            | "Sep."
            | "Sept."
            | "Oct."
            | "Nov."
            | "Dec."
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Christmas"
            | "Easter"
            | "Olympic"
            | "Olympics"
            | "White House"
            | "Hamas"
            | "Jesus"
            | "God"
            | "Congress"
            | "Senate"
            | "Parliament"
            | "Kremlin"
            | "Pentagon"
    )
}

/// Nouns that, right after a place name, make it a place: "a Charleston man".
fn is_resident_noun(w: &str) -> bool {
    matches!(
        w,
        "man"
            | "woman"
            | "men"
            | "women"
            | "resident"
            | "residents"
            | "native"
            | "natives"
            | "teen"
            | "teenager"
            | "boy"
            | "girl"
            | "couple"
            | "family"
            | "families"
            | "parents"
            | "students"
            | "voters"
            | "officials"
            | "authorities"
            | "area"
            | "neighborhood"
            | "neighbourhood"
            | "suburb"
            | "suburbs"
            | "county"
            | "township"
            | "dispatchers"
            | "police"
            | "policemen"
            | "firefighters"
            | "officers"
            | "deputies"
            | "hospital"
            | "hospitals"
            | "schools"
            | "council"
            | "mayor"
            | "businessman"
            | "businesswoman"
    )
}

/// Capitalised words that, right after a place name, make a local institution of it ("Oxford
/// Police", "Paris Public Library", "Dublin City Council"): the place is named.
pub(crate) fn is_institution_word(w: &str) -> bool {
    matches!(
        w,
        "Police"
            | "Sheriff"
            | "Fire"
            | "Volunteer"
            | "City"
            | "County"
            | "Town"
            | "Township"
            | "Village"
            | "Borough"
            | "Municipal"
            | "Public"
            | "High"
            | "Middle"
            | "Elementary"
            | "Junior"
            | "Community"
            | "Regional"
            | "General"
            | "Memorial"
            | "Medical"
            | "Hospital"
            | "Library"
            | "Council"
            | "Board"
            | "Chamber"
            | "Mayor"
            | "Circuit"
            | "District"
            | "Superior"
            | "Arts"
            | "Museum"
            | "Airport"
            | "Zoo"
            | "Parks"
            | "Water"
            | "Housing"
            | "Democratic"
            | "Republican"
    )
}

/// Capitalised words before a place name that are not part of a longer name: articles and
/// the like at a sentence start, compass points and the like ("Northeast Georgia").
fn is_name_prefix(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "in"
            | "at"
            | "on"
            | "for"
            | "from"
            | "of"
            | "by"
            | "with"
            | "to"
            | "and"
            | "but"
            | "former"
            | "many"
            | "most"
            | "some"
            | "all"
            | "both"
            | "every"
            | "across"
            | "near"
            | "outside"
            | "inside"
            | "greater"
            | "metropolitan"
            | "suburban"
            | "upper"
            | "lower"
            | "sub-saharan"
    ) || is_compass_word(w)
        || crate::time::words::weekday(w).is_some()
}

/// Words of direction or part between a locative and a place ("in south-western China",
/// "in northern Iraq", "in downtown Boston").
fn is_compass_word(w: &str) -> bool {
    let w = w.replace('-', "");
    let w = w
        .strip_suffix("ern")
        .or_else(|| w.strip_suffix("erly"))
        .unwrap_or(&w);
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northeast"
            | "northwest"
            | "southeast"
            | "southwest"
            | "central"
            | "downtown"
            | "upstate"
            | "rural"
            | "coastal"
    )
}

/// Titles before a person's name.
fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr."
            | "Mrs."
            | "Ms."
            | "Dr."
            | "Sen."
            | "Gov."
            | "Rep."
            | "Gen."
            | "Col."
            | "Capt."
            | "Lt."
            | "Sgt."
            | "Det."
            | "Prof."
            | "Rev."
            | "President"
            | "Judge"
            | "Officer"
            | "Sheriff"
            | "Coach"
            | "Chief"
            | "Mayor"
            | "Minister"
            | "Senator"
            | "Governor"
            | "Deputy"
            | "Secretary"
            | "Councilman"
            | "Councilwoman"
            | "Commissioner"
            | "Justice"
    )
}

/// True for a title word, its period included: the detector's words lose the period of
/// "Gen." and "Sen.", which are no place abbreviations.
fn is_title_word(text: &str, w: &Word) -> bool {
    let t = w.span.slice(text);
    is_title(t)
        || text[w.span.end..].starts_with('.') && is_title(&text[w.span.start..w.span.end + 1])
}

/// Given names that some small place bears too: alone they are a person's unless a locative
/// or qualifier says otherwise.
fn is_given_name(w: &str) -> bool {
    matches!(
        w,
        "David"
            | "Scott"
            | "Patrick"
            | "Mary"
            | "Linda"
            | "Charles"
            | "Henry"
            | "Paul"
            | "Mark"
            | "Thomas"
            | "Gary"
            | "Christopher"
            | "James"
            | "John"
            | "Michael"
            | "Robert"
            | "William"
            | "Richard"
            | "Joseph"
            | "Daniel"
            | "Matthew"
            | "Anthony"
            | "Donald"
            | "Steven"
            | "Andrew"
            | "Kenneth"
            | "Kevin"
            | "Brian"
            | "Edward"
            | "Ronald"
            | "Jason"
            | "Ryan"
            | "Eric"
            | "Stephen"
            | "Larry"
            | "Frank"
            | "Raymond"
            | "Samuel"
            | "Benjamin"
            | "Jack"
            | "Dennis"
            | "Jerry"
            | "Alexander"
            | "Aaron"
            | "Jose"
            | "Adam"
            | "Peter"
            | "Walter"
            | "Keith"
            | "Roger"
            | "Carl"
            | "Terry"
            | "Sean"
            | "Arthur"
            | "Jesse"
            | "Bruce"
            | "Albert"
            | "Alan"
            | "Juan"
            | "Wayne"
            | "Roy"
            | "Ralph"
            | "Vincent"
            | "Russell"
            | "Louis"
            | "Philip"
            | "Barbara"
            | "Susan"
            | "Sarah"
            | "Karen"
            | "Nancy"
            | "Lisa"
            | "Margaret"
            | "Sandra"
            | "Emily"
            | "Donna"
            | "Michelle"
            | "Carol"
            | "Amanda"
            | "Rebecca"
            | "Sharon"
            | "Laura"
            | "Amy"
            | "Helen"
            | "Anna"
            | "Angela"
            | "Nicole"
            | "Emma"
            | "Rachel"
            | "Catherine"
            | "Ruth"
            | "Maria"
            | "Julie"
            | "Kelly"
            | "Joan"
            | "Andrea"
            | "Martha"
            | "Ann"
            | "Jean"
            | "Alice"
            | "Grace"
            | "Diana"
            | "Marie"
            | "Rose"
            | "Obama"
            | "Al"
            | "Christian"
            | "Meredith"
            | "Harding"
            | "Ford"
            | "Lee"
    )
}

/// First names: before another capitalised word they start a person's name ("George
/// Washington", "Paris Hilton").
fn is_first_name(w: &str) -> bool {
    is_given_name(w)
        || matches!(
            w,
            "George"
                | "Jackson"
                | "Lincoln"
                | "Clinton"
                | "Washington"
                | "Jordan"
                | "Victoria"
                | "Florence"
                | "Austin"
                | "Charlotte"
                | "Eugene"
                | "Sydney"
                | "Chester"
                | "Marion"
                | "Douglas"
                | "Warren"
                | "Franklin"
                | "Milton"
                | "Troy"
                | "Vernon"
                | "Tyler"
                | "Madison"
                | "Beverly"
                | "Shelby"
                | "Orlando"
                | "Chelsea"
                | "Regina"
                | "Elizabeth"
                | "Paris"
                | "Dallas"
                | "Houston"
                | "Carson"
                | "Logan"
                | "Monroe"
                | "Jefferson"
                | "Hamilton"
                | "Kent"
                | "Lawrence"
                | "Stanley"
                | "Clifton"
                | "Allen"
                | "Salem"
                | "Camden"
                | "Dayton"
                | "Quincy"
                | "Sherman"
                | "Grant"
                | "Hudson"
                | "Mason"
                | "Laurel"
        )
}

/// Verbs after a place name that make it stand for its government ("Moscow said").
fn is_stance_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "say"
            | "announced"
            | "warned"
            | "accused"
            | "denied"
            | "insisted"
            | "demanded"
            | "rejected"
            | "condemned"
            | "urged"
            | "wants"
            | "claimed"
            | "responded"
            | "refused"
            | "threatened"
            | "agreed"
            | "argued"
            | "believes"
            | "hopes"
            | "blamed"
            | "criticised"
            | "criticized"
            | "welcomed"
            | "protested"
            | "vowed"
            | "pledged"
    )
}

/// Detects toponyms in `words` (from [`words`]).
pub(crate) fn detect(text: &str, words: &[Word], gaz: &Gazetteer) -> Vec<Candidate> {
    let max = gaz.max_name_words().clamp(1, 6);
    let low = |i: usize| words[i].span.slice(text).to_lowercase();
    // Last words of personal names seen in the document ("Tom Bakk" → "Bakk"): alone later,
    // they name the person again.
    let mut surnames: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for k in 1..words.len() {
        let (a, b) = (&words[k - 1], &words[k]);
        let a_text = a.span.slice(text);
        if a.capital
            && b.capital
            && !b.initial
            && a.punct_after.is_none()
            && !a.title_case
            && (is_first_name(a_text) || is_title_word(text, a))
        {
            surnames.insert(b.span.slice(text));
        }
    }
    let mut out = Vec::new();
    let mut sure: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].capital {
            i += 1;
            continue;
        }
        let mut best: Option<(usize, bool)> = None; // (end, adjective)
        let mut n = 1;
        while n <= max && i + n <= words.len() {
            let last = &words[i + n - 1];
            if n > 1 {
                let prev = &words[i + n - 2];
                // A name does not run across punctuation or a sentence start.
                if prev.punct_after.is_some_and(|c| c != '-') || last.initial {
                    break;
                }
                if !last.capital && !is_connector(&low(i + n - 1)) {
                    break;
                }
            }
            if last.capital {
                let span = Span::new(words[i].span.start, last.span.end);
                let key = span.slice(text);
                // A demonym is read as one even when some place bears it as an alias.
                if !gaz.adjective(key).is_empty() {
                    best = Some((i + n, true));
                } else if !gaz.lookup(key).is_empty() {
                    best = Some((i + n, false));
                }
            }
            n += 1;
        }
        let Some((end, adjective)) = best else {
            i += 1;
            continue;
        };
        let span = Span::new(words[i].span.start, words[end - 1].span.end);
        let key = span.slice(text).to_string();
        let person = end - i == 1 && surnames.contains(words[i].span.slice(text));
        let kept = match judge(text, words, i, end, adjective, gaz) {
            _ if person => None,
            Verdict::Keep(role, evident) => {
                if evident {
                    sure.insert(herald_geo::fold(&key));
                }
                Some((role, true))
            }
            Verdict::Doubt(role) => Some((role, false)),
            Verdict::Drop => None,
        };
        if let Some((role, kept)) = kept {
            let c = Candidate {
                first: i,
                end,
                span,
                key,
                role,
            };
            out.push((c, kept));
        }
        i = end;
    }
    // One sense per story: a name doubted here ("the Cairns police", "Paris Policemen",
    // "Gainesville says") is kept when the story plainly uses it as a place elsewhere ("in
    // Cairns", "Paris, Texas").
    // A country or state doubted here ("Senior U.S. Official Visits Georgia", a headline) is
    // kept too when a place the story plainly names lies in it, and in no namesake ("in
    // Tbilisi").
    let home = |id: u32| {
        let e = gaz.entry(id);
        let own = (e.kind == herald_geo::Kind::Admin1).then_some(id);
        (e.country.clone(), e.admin1.or(own))
    };
    let inside: std::collections::HashSet<(String, Option<u32>)> = sure
        .iter()
        .filter_map(|name| {
            let hits = gaz.lookup(name);
            let first = home(hits.first()?.id);
            hits.iter().all(|h| home(h.id) == first).then_some(first)
        })
        .collect();
    let holds_sure = |key: &str| {
        gaz.lookup(key).iter().any(|h| {
            let e = gaz.entry(h.id);
            match e.kind {
                herald_geo::Kind::Country => inside.iter().any(|(cc, _)| *cc == e.country),
                herald_geo::Kind::Admin1 => inside.contains(&(e.country.clone(), Some(h.id))),
                _ => false,
            }
        })
    };
    out.into_iter()
        .filter(|(c, kept)| *kept || sure.contains(&herald_geo::fold(&c.key)) || holds_sure(&c.key))
        .map(|(c, _)| c)
        .collect()
}

/// What [`judge`] makes of a name.
enum Verdict {
    /// A toponym in this role; true when the context says so plainly (a locative before it,
    /// a qualifier after it, a dateline).
    Keep(Role, bool),
    /// A toponym in this role only if the story names the place elsewhere beyond doubt.
    Doubt(Role),
    /// Not a toponym.
    Drop,
}

/// Keeps or drops a match by its context, and gives it its role.
fn judge(
    text: &str,
    words: &[Word],
    first: usize,
    end: usize,
    adjective: bool,
    gaz: &Gazetteer,
) -> Verdict {
    let w = &words[first];
    let name = Span::new(w.span.start, words[end - 1].span.end).slice(text);
    let single = end - first == 1;
    let prev = first.checked_sub(1).map(|p| &words[p]);
    let prev_low = prev
        .map(|p| p.span.slice(text).to_lowercase())
        .unwrap_or_default();
    let next_low = words
        .get(end)
        .map(|n| n.span.slice(text).to_lowercase())
        .unwrap_or_default();
    // The entity recogniser's tags are not used here: on the geo dev set its Person tag as
    // a veto lost far more real places than it saved (within 161 km 77.1% -> 62.6%), and
    // its Location tag added recall only at the same cost in precision.
    // "in Mobile", and "a Charleston man", "Gainesville residents".
    // "R-Elbow Lake": a legislator's home town.
    let party = prev.is_some_and(|p| p.punct_after == Some('-'))
        && matches!(prev_low.as_str(), "d" | "r" | "i");
    let locative = is_locative(&prev_low)
        || party
        || (words[end - 1].punct_after.is_none() && is_resident_noun(&next_low));
    if is_not_a_place(name) {
        return Verdict::Drop;
    }
    // A title before it: "Mr. Jones", "Sen. Clinton".
    if prev.is_some_and(|p| is_title_word(text, p)) {
        return Verdict::Drop;
    }
    // Doubts the context raises, settled by the rest of the story.
    let mut doubt = false;
    // A first name is a person's unless a locative or a qualifier says otherwise.
    let qualified =
        words[end - 1].punct_after == Some(',') && words.get(end).is_some_and(|n| n.capital);
    if single && is_given_name(name) && !locative && !qualified {
        doubt = true;
    }
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    let upper_word = letters > 3
        && !name.contains('.')
        && name
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    // Capitals say little in an all-caps word, except in a dateline: "CHARLESTON, W.Va.",
    // "HURRICANE, W.Va. -", "MANSFIELD --", "MOUNT GILEAD (AP) --".
    let after = words[end - 1].punct_after;
    let wire = words
        .get(end)
        .is_some_and(|n| n.span.slice(text) == "AP" && text[..n.span.start].ends_with('('));
    // "DETROIT The U.S. Transportation…": capitals, then a sentence in normal case.
    let run_in = w.initial
        && words.get(end).is_some_and(|n| {
            let t = n.span.slice(text);
            n.capital && t.chars().any(char::is_lowercase)
        });
    let dateline = qualified
        || (!gaz.is_common_word(name)
            && (wire
                || run_in
                || matches!(after, Some('—' | '–' | '-'))
                || w.initial && after.is_some()));
    if upper_word && !dateline {
        // A headline or acronym in capitals: "POLICE", "NATO".
        return Verdict::Drop;
    }
    // A common word ("Mobile", "Police") is a place after a locative, or capitalised where
    // capitals mean something: mid-sentence, not title case, not after an article.
    // "US", "UK": capitals make an acronym of a common word.
    let acronym = (2..=3).contains(&letters) && name.chars().all(|c| !c.is_lowercase());
    // "Oxford Police", "Paris Public Library": the place of a local institution.
    let institution = words[end - 1].punct_after.is_none()
        && words
            .get(end)
            .is_some_and(|n| n.capital && is_institution_word(n.span.slice(text)));
    // A country or state that is also a word ("China", "Turkey", "Georgia") is the place in
    // the possessive ("China's president") and, capitalised mid-sentence where capitals
    // mean something, plainly so ("a trade mission to China").
    let common = single && gaz.is_common_word(name);
    let polity = common
        && gaz.lookup(name).iter().any(|h| {
            matches!(
                gaz.entry(h.id).kind,
                herald_geo::Kind::Country | herald_geo::Kind::Admin1
            )
        });
    let named_polity = polity && words[end - 1].punct_after == Some('\'');
    let mut plain_polity = false;
    if common && !acronym && !locative && !institution && !named_polity {
        let article = matches!(prev_low.as_str(), "the" | "a" | "an");
        let next_capital =
            words.get(end).is_some_and(|n| n.capital) && words[end - 1].punct_after.is_none();
        let prev_capital = prev.is_some_and(|p| p.capital && p.punct_after.is_none());
        if w.initial || w.title_case || article || next_capital || prev_capital {
            doubt = true;
        } else {
            plain_polity = polity;
        }
    }
    // A first name before another capitalised word: "George Washington", "Paris Hilton"
    // (not "Washington (CNN)").
    let next_capital = words.get(end).is_some_and(|n| {
        n.capital && !n.initial && !text[..n.span.start].ends_with(['(', '"', '“'])
    });
    if single
        && next_capital
        && !institution
        && words[end - 1].punct_after.is_none()
        && is_first_name(name)
    {
        doubt = true;
    }
    // Part of a longer proper name: "George Washington", "Michael Jordan".
    if let Some(p) = prev {
        if p.capital && p.punct_after.is_none() && is_first_name(p.span.slice(text)) {
            return Verdict::Drop;
        }
        let p_text = p.span.slice(text);
        if p.capital
            && !is_name_prefix(&prev_low)
            && !p.initial
            && p.punct_after.is_none()
            && gaz.lookup(p_text).is_empty()
            && gaz.adjective(p_text).is_empty()
            && !p_text.ends_with('.')
        {
            // In a headline every word has a capital: "Official Visits Georgia" may be one.
            if !w.title_case {
                return Verdict::Drop;
            }
            doubt = true;
        }
    }
    // A qualifier the gazetteer knows as a state or country ("Paris, Texas"; not "Brown,
    // Farrin and …").
    let division = |n: usize| {
        let (Some(a), Some(b)) = (words.get(end), words.get(end + n - 1)) else {
            return false;
        };
        gaz.lookup(Span::new(a.span.start, b.span.end).slice(text))
            .iter()
            .any(|h| {
                matches!(
                    gaz.entry(h.id).kind,
                    herald_geo::Kind::Admin1 | herald_geo::Kind::Country
                )
            })
    };
    let qualifier = qualified && (division(1) || division(2));
    // "in Cairns", not "according to Brown's account"; "in south-western China".
    let strong = |w: &str| {
        matches!(
            w,
            "in" | "at" | "near" | "outside" | "inside" | "throughout" | "across" | "around"
        )
    };
    let strong_locative = strong(&prev_low)
        || (is_compass_word(&prev_low)
            && first >= 2
            && words[first - 2].punct_after.is_none()
            && strong(&words[first - 2].span.slice(text).to_lowercase()));
    let resident = words[end - 1].punct_after.is_none() && is_resident_noun(&next_low);
    let evident = strong_locative
        || party
        || qualifier
        || resident
        || institution
        || plain_polity
        || dateline && upper_word;
    let verdict = |role| {
        if doubt {
            Verdict::Doubt(role)
        } else {
            Verdict::Keep(role, evident)
        }
    };
    if adjective {
        return verdict(Role::Adjectival);
    }
    let last = &words[end - 1];
    if last.punct_after.is_none() && is_stance_verb(&next_low) {
        // "Moscow said" stands for a government; "Jones said" is a person.
        let big = gaz.lookup(name).iter().any(|h| {
            let e = gaz.entry(h.id);
            matches!(e.kind, herald_geo::Kind::Country | herald_geo::Kind::Admin1)
                || e.capital
                || e.population >= 1_000_000
        });
        return if big {
            verdict(Role::Metonymic)
        } else {
            Verdict::Doubt(Role::Metonymic)
        };
    }
    verdict(Role::Place)
}
