//! Closed word lists the tokenizer and splitter consult: abbreviations, hyphen prefixes, unit
//! suffixes, clitic-bearing words and words that typically open a sentence.
//!
//! The lists are written by hand from general knowledge of English news style (AP/Reuters
//! abbreviations, UD English tokenisation guidelines); none is extracted from a corpus.

/// How an abbreviation (a word kept together with its final period) behaves at a possible
/// sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Precedes a name or number and never ends a sentence before one ("Mr.", "Gen.", "Lt.").
    Title,
    /// A month: "Jan. 10" continues; before a sentence opener it may end the sentence.
    Month,
    /// Only an abbreviation before a number ("No. 5", "Fig. 3", "pp. 4"); otherwise a word.
    BeforeNumber,
    /// Usually inside a sentence, rarely at its end ("e.g.", "i.e.", "vs.", "cf.").
    Inner,
    /// Often ends a sentence ("Inc.", "Corp.", "etc.", "a.m.", "U.S.", "Jr.").
    Final,
}

/// Lower-cases an ASCII word into `buf`; `None` when it is not short ASCII.
fn lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let b = word.as_bytes();
    if b.is_empty() || b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}

fn is_capitalised(word: &str) -> bool {
    let mut cs = word.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '.')
        || word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// The class of `word` (without its final period) as a known abbreviation.
pub(crate) fn abbrev(word: &str) -> Option<Abbrev> {
    let mut buf = [0u8; 12];
    let low = lower(word, &mut buf)?;
    let class = match low {
        // Titles and ranks before names; street/mount/fort before names.
        "mr" | "mrs" | "ms" | "messrs" | "mmes" | "mme" | "mlle" | "dr" | "drs" | "prof"
        | "rev" | "hon" | "gen" | "gens" | "lt" | "col" | "maj" | "capt" | "cmdr" | "cdr"
        | "adm" | "sgt" | "cpl" | "pvt" | "gov" | "govs" | "sen" | "sens" | "rep" | "reps"
        | "pres" | "amb" | "supt" | "insp" | "det" | "fr" | "st" | "ste" | "mt" | "ft" | "brig"
        | "atty" | "lieut" | "cmdt" | "sr" | "jr" | "esq" | "ps" | "p.s" => {
            // Sr./Jr./Esq. follow the name: they may end the sentence.
            if matches!(low, "sr" | "jr" | "esq") {
                Abbrev::Final
            } else {
                Abbrev::Title
            }
        }
        // "Mar." is a month only when capitalised ("mar." is the verb).
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov"
        | "dec"
            if is_capitalised(word) =>
        {
            Abbrev::Month
        }
        "no" | "nos" | "fig" | "figs" | "vol" | "vols" | "p" | "pp" | "art" | "sec" | "ch"
        | "para" | "op" | "rs" | "ref" | "tel" => Abbrev::BeforeNumber,
        "e.g" | "i.e" | "eg" | "vs" | "v" | "cf" | "viz" | "approx" | "ca" | "c" | "est"
        | "a.k.a" | "aka" | "incl" | "esp" | "ed" | "eds" | "ext" => Abbrev::Inner,
        "inc" | "corp" | "co" | "cos" | "ltd" | "plc" | "bros" | "llc" | "etc" | "al" | "dept"
        | "univ" | "assn" | "govt" | "intl" | "natl" | "ave" | "blvd" | "rd" | "hwy" | "sq"
        | "mon" | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat" | "sun"
        | "ala" | "ariz" | "cal" | "ark" | "calif" | "colo" | "conn" | "del" | "fla" | "ga"
        | "ill" | "ind" | "kan" | "kans" | "ky" | "la" | "md" | "mass" | "mich" | "minn"
        | "miss" | "mo" | "mont" | "neb" | "nev" | "okla" | "ore" | "pa" | "tenn" | "tex"
        | "va" | "vt" | "wash" | "wis" | "wyo" | "yr" | "yrs" | "hr" | "hrs" | "mins" | "min"
        | "dist" | "div" | "mfg" | "dep" | "cie" | "gmbh" | "bhd" | "pty" => {
            // Weekdays and state names that are also words count only when capitalised.
            let wordlike = matches!(
                low,
                "mon"
                    | "wed"
                    | "sat"
                    | "sun"
                    | "ill"
                    | "ind"
                    | "mass"
                    | "miss"
                    | "del"
                    | "wash"
                    | "ore"
                    | "min"
                    | "mins"
                    | "la"
                    | "pa"
                    | "ark"
            );
            if wordlike && !is_capitalised(word) {
                return None;
            }
            Abbrev::Final
        }
        _ => return None,
    };
    Some(class)
}

/// True for prefixes UD English keeps attached across a hyphen ("anti-government",
/// "e-mail", "co-founder"); other hyphenated words are split ("30 - year", "well - known").
pub(crate) fn is_hyphen_prefix(word: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(low) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        low,
        "e" | "non"
            | "pre"
            | "anti"
            | "mid"
            | "re"
            | "post"
            | "co"
            | "pro"
            | "multi"
            | "ex"
            | "sub"
            | "semi"
            | "cross"
            | "counter"
            | "mini"
            | "inter"
            | "intra"
            | "socio"
            | "psycho"
            | "micro"
            | "macro"
            | "proto"
            | "over"
            | "ultra"
            | "mega"
            | "super"
            | "trans"
            | "extra"
            | "infra"
            | "hyper"
            | "cyber"
            | "pseudo"
            | "bi"
            | "tri"
    )
}

/// True for unit or magnitude suffixes split off a number ("5 kg", "1.2 bn", "3 pm").
/// Ordinal and decade suffixes ("3rd", "1990s") are not units and stay attached.
pub(crate) fn is_unit(suffix: &str) -> bool {
    let mut buf = [0u8; 12];
    let Some(low) = lower(suffix, &mut buf) else {
        return false;
    };
    let all_lower = suffix.bytes().all(|b| b.is_ascii_lowercase());
    let magnitude = matches!(low, "m" | "k" | "b" | "bn" | "mn" | "mln" | "tn" | "trn");
    magnitude
        || all_lower
            && matches!(
                low,
                "am" | "pm"
                    | "kg"
                    | "km"
                    | "cm"
                    | "mm"
                    | "g"
                    | "mg"
                    | "ml"
                    | "l"
                    | "lb"
                    | "lbs"
                    | "oz"
                    | "ft"
                    | "mph"
                    | "kph"
                    | "kmh"
                    | "gb"
                    | "mb"
                    | "kb"
                    | "tb"
                    | "hz"
                    | "khz"
                    | "mhz"
                    | "ghz"
                    | "kw"
                    | "mw"
                    | "gw"
                    | "kwh"
                    | "mwh"
                    | "yr"
                    | "yrs"
                    | "hr"
                    | "hrs"
                    | "h"
                    | "min"
                    | "mins"
                    | "sec"
                    | "secs"
                    | "ms"
                    | "bpd"
                    | "x"
            )
}

/// Splits a word written without its apostrophe into UD's two words ("gonna" → "gon" + "na",
/// "cannot" → "can" + "not", "dont" → "do" + "nt"); returns the byte length of the first part.
pub(crate) fn fused_split(word: &str) -> Option<usize> {
    // Cheap filter first: every fused form has 4 to 8 letters and ends in "a", "e" or "t".
    let b = word.as_bytes();
    if !(4..=8).contains(&b.len()) || !matches!(b[b.len() - 1] | 0x20, b'a' | b'e' | b't') {
        return None;
    }
    let mut buf = [0u8; 12];
    let low = lower(word, &mut buf)?;
    let first = match low {
        "cannot" | "gonna" | "wanna" | "gotta" | "gimme" | "lemme" | "outta" | "kinda"
        | "sorta" => low.len() - if low.ends_with("not") { 3 } else { 2 },
        "dont" | "didnt" | "doesnt" | "isnt" | "wasnt" | "werent" | "arent" | "hasnt"
        | "havent" | "hadnt" | "wouldnt" | "couldnt" | "shouldnt" => low.len() - 2,
        _ => return None,
    };
    Some(first)
}

/// True for capitalised words that commonly open a sentence and rarely continue a name: after
/// an abbreviation that can end a sentence ("Inc.", "p.m.", an initial), such a word means the
/// sentence ended there ("at 3 p.m. The police…" but "at 3 p.m. Tuesday").
pub(crate) fn is_sentence_opener(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 12];
    let Some(low) = lower(word, &mut buf) else {
        return false;
    };
    matches!(
        low,
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "you"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
            | "here"
            | "but"
            | "and"
            | "or"
            | "so"
            | "yet"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "as"
            | "in"
            | "on"
            | "at"
            | "for"
            | "from"
            | "with"
            | "without"
            | "by"
            | "to"
            | "of"
            | "some"
            | "many"
            | "most"
            | "all"
            | "both"
            | "each"
            | "every"
            | "no"
            | "none"
            | "several"
            | "other"
            | "another"
            | "such"
            | "what"
            | "who"
            | "why"
            | "how"
            | "where"
            | "which"
            | "meanwhile"
            | "however"
            | "also"
            | "still"
            | "then"
            | "now"
            | "since"
            | "although"
            | "though"
            | "because"
            | "until"
            | "during"
            | "despite"
            | "according"
            | "earlier"
            | "later"
            | "last"
            | "officials"
            | "police"
            | "please"
            | "thanks"
            | "thank"
            | "let"
            | "do"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "did"
            | "does"
            | "has"
            | "have"
            | "had"
            | "not"
            | "one"
            | "two"
            | "three"
            | "more"
            | "few"
            | "only"
            | "even"
            | "just"
            | "yes"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviation_classes() {
        let cases = [
            ("Mr", Some(Abbrev::Title)),
            ("GEN", Some(Abbrev::Title)),
            ("Jan", Some(Abbrev::Month)),
            ("mar", None),
            ("No", Some(Abbrev::BeforeNumber)),
            ("e.g", Some(Abbrev::Inner)),
            ("Inc", Some(Abbrev::Final)),
            ("Sat", Some(Abbrev::Final)),
            ("sat", None),
            ("Jr", Some(Abbrev::Final)),
            ("etc", Some(Abbrev::Final)),
            ("border", None),
            ("", None),
            ("Überlänge", None),
        ];
        for (w, want) in cases {
            assert_eq!(abbrev(w), want, "{w}");
        }
    }

    #[test]
    fn fused_words() {
        for (w, first) in [("gonna", 3), ("Cannot", 3), ("dont", 2), ("wanna", 3)] {
            assert_eq!(fused_split(w), Some(first), "{w}");
        }
        assert_eq!(fused_split("gone"), None);
    }

    #[test]
    fn units_and_openers() {
        assert!(is_unit("bn") && is_unit("kg") && is_unit("M") && is_unit("pm"));
        assert!(!is_unit("s") && !is_unit("th") && !is_unit("PM") && !is_unit("Kg"));
        assert!(is_sentence_opener("The") && is_sentence_opener("He"));
        assert!(!is_sentence_opener("the") && !is_sentence_opener("Tuesday"));
        assert!(is_hyphen_prefix("anti") && is_hyphen_prefix("E") && !is_hyphen_prefix("well"));
    }
}
