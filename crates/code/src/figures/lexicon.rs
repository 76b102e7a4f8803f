//! Words that decide a figure: qualifiers, the nouns and verbs that give its category, and the
//! words that show a number is not a count (units, money, dates).

use crate::quotes::words::Word;

/// Whether the words after a number rule it out as a count.
pub(super) enum Excluded {
    /// Money, a measure, a time, a street number…
    Yes,
    /// Could be a count.
    No,
}

/// Months, full and abbreviated.
pub(super) fn is_month(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

fn is_unit(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "%"
            | "per"
            | "pc"
            | "percentage"
            | "dollars"
            | "dollar"
            | "euros"
            | "euro"
            | "pounds"
            | "rubles"
            | "roubles"
            | "tenge"
            | "yuan"
            | "yen"
            | "rupees"
            | "cents"
            | "usd"
            | "eur"
            | "years"
            | "year"
            | "yrs"
            | "months"
            | "month"
            | "days"
            | "day"
            | "hours"
            | "hour"
            | "minutes"
            | "minute"
            | "seconds"
            | "weeks"
            | "week"
            | "decades"
            | "centuries"
            | "km"
            | "kilometres"
            | "kilometers"
            | "kilometre"
            | "kilometer"
            | "miles"
            | "mile"
            | "metres"
            | "meters"
            | "m"
            | "kg"
            | "kilograms"
            | "tons"
            | "tonnes"
            | "degrees"
            | "°"
            | "points"
            | "times"
            | "a.m."
            | "p.m."
            | "am"
            | "pm"
            | "o'clock"
            | "gmt"
            | "utc"
            | "barrels"
            | "litres"
            | "liters"
            | "acres"
            | "hectares"
            | "square"
            | "mph"
            | "sq"
            | "inches"
            | "feet"
            | "ft"
            | "pages"
            | "st"
            | "nd"
            | "rd"
            | "th"
            | "bpd"
            | "gallons"
            | "grams"
            | "cm"
            | "mm"
            | "billion"
            | "trillion"
            | "point"
            | "votes"
            | "seats"
            | "per cent"
            | "times,"
            | "rubles,"
            | "yards"
            | "runs"
            | "goals"
            | "-"
            | "/"
    )
}

fn is_street(w: &str) -> bool {
    matches!(
        w.trim_end_matches('.'),
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "lane"
            | "drive"
            | "highway"
            | "route"
    )
}

/// Units, times and street names after a number.
pub(super) fn excluded_after(lw: &[&str], ws: &[Word]) -> Excluded {
    let Some(first) = lw.first() else {
        return Excluded::No;
    };
    if is_unit(first) {
        return Excluded::Yes;
    }
    // 10:30
    if *first == ":"
        && lw
            .get(1)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Excluded::Yes;
    }
    if ws.first().is_some_and(Word::is_capitalized) && lw.iter().take(4).any(|w| is_street(w)) {
        return Excluded::Yes;
    }
    Excluded::No
}

/// Qualifiers, longest first, as word sequences.
const QUALIFIERS: &[&[&str]] = &[
    &["no", "more", "than"],
    &["as", "many", "as"],
    &["in", "excess", "of"],
    &["more", "than"],
    &["fewer", "than"],
    &["less", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["close", "to"],
    &["upwards", "of"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["an", "estimated"],
    &["some"],
    &["about"],
    &["around"],
    &["roughly"],
    &["approximately"],
    &["almost"],
    &["nearly"],
    &["over"],
    &["under"],
    &["estimated"],
];

/// The qualifier ending right before the number, with its length in words.
pub(super) fn qualifier(before: &[&str]) -> Option<(&'static str, usize)> {
    for q in QUALIFIERS {
        if before.len() >= q.len() && before[before.len() - q.len()..] == **q {
            let text = match q.len() {
                1 => q[0],
                _ => QUALIFIER_TEXT
                    .iter()
                    .find(|(k, _)| *k == *q)
                    .map_or(q[0], |(_, t)| t),
            };
            return Some((text, q.len()));
        }
    }
    None
}

const QUALIFIER_TEXT: &[(&[&str], &str)] = &[
    (&["no", "more", "than"], "no more than"),
    (&["as", "many", "as"], "as many as"),
    (&["in", "excess", "of"], "in excess of"),
    (&["more", "than"], "more than"),
    (&["fewer", "than"], "fewer than"),
    (&["less", "than"], "less than"),
    (&["at", "least"], "at least"),
    (&["at", "most"], "at most"),
    (&["up", "to"], "up to"),
    (&["close", "to"], "close to"),
    (&["upwards", "of"], "upwards of"),
    (&["just", "over"], "just over"),
    (&["just", "under"], "just under"),
    (&["well", "over"], "well over"),
    (&["an", "estimated"], "an estimated"),
];

/// "more than N": N is a lower bound.
pub(super) fn is_lower_bound(q: &str) -> bool {
    matches!(
        q,
        "more than"
            | "over"
            | "at least"
            | "upwards of"
            | "in excess of"
            | "just over"
            | "well over"
    )
}

/// "almost N", "nearly N": the count is just below N, so the low bound is 90% of N.
pub(super) fn is_near_below(q: &str) -> bool {
    matches!(q, "almost" | "nearly" | "close to" | "just under")
}

/// "up to N", "almost N": N is an upper bound.
pub(super) fn is_upper_bound(q: &str) -> bool {
    matches!(
        q,
        "fewer than"
            | "less than"
            | "at most"
            | "up to"
            | "as many as"
            | "no more than"
            | "under"
            | "just under"
            | "almost"
            | "nearly"
            | "close to"
    )
}

/// Words that end the counted noun phrase.
pub(super) fn stops_noun(w: &str) -> bool {
    matches!(
        w,
        "of" | "were"
            | "was"
            | "are"
            | "is"
            | "be"
            | "been"
            | "have"
            | "had"
            | "has"
            | "will"
            | "would"
            | "and"
            | "or"
            | "but"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "from"
            | "with"
            | "by"
            | "who"
            | "which"
            | "that"
            | "as"
            | "after"
            | "before"
            | "during"
            | "than"
            | "per"
            | "across"
            | "including"
            | "said"
            | "more"
            | "the"
            | "a"
            | "an"
            | "while"
            | "into"
            | "over"
            | "under"
            | "since"
            | "when"
            | "where"
            | "this"
            | "these"
            | "those"
            | "it"
            | "they"
            | "he"
            | "she"
            | "we"
            | "there"
            | "among"
            | "out"
            | "not"
            | "each"
            | "every"
            | "other"
            | "others"
            | "times"
            | "so"
            | "if"
    )
}

/// The category a counted noun gives; "people" for people of no stated fate.
pub(super) fn category_of_noun(w: &str) -> Option<&'static str> {
    Some(match w {
        "people" | "persons" | "person" | "civilians" | "civilian" | "individuals"
        | "residents" | "citizens" | "men" | "women" | "children" | "kids" | "villagers"
        | "migrants" | "workers" | "students" | "pilgrims" | "passengers" | "victims"
        | "journalists" | "reporters" | "doctors" | "nurses" | "farmers" | "miners"
        | "fishermen" | "tourists" | "worshippers" | "patients" | "youths" | "teenagers"
        | "adults" | "locals" | "nationals" | "foreigners" | "employees" | "staff" | "members"
        | "supporters" | "others" | "man" | "woman" | "child" | "boys" | "girls" | "babies"
        | "infants" => "people",
        "dead" | "killed" | "deaths" | "fatalities" | "bodies" | "lives" | "died" => "killed",
        "injured" | "wounded" | "hurt" | "injuries" => "injured",
        "detained" | "arrested" | "detainees" | "arrests" | "prisoners" | "detentions"
        | "jailed" => "detained",
        "displaced" | "refugees" | "evacuees" | "homeless" | "evacuated" | "asylum-seekers" => {
            "displaced"
        }
        "missing" => "missing",
        "troops" | "soldiers" | "servicemen" | "servicemembers" | "peacekeepers"
        | "paratroopers" | "marines" | "personnel" | "sailors" | "airmen" | "policemen"
        | "officers" | "guards" | "commandos" | "reservists" | "conscripts" | "gendarmes"
        | "soldier" | "troop" | "police" => "troops",
        "protesters" | "protestors" | "demonstrators" | "rioters" | "marchers" | "strikers"
        | "protester" | "demonstrator" => "protesters",
        _ => return None,
    })
}

/// The category a verb or noun near a number gives its people ("were killed", "the number of
/// detainees").
fn context_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "killed" | "died" | "dead" | "killing" | "death" | "deaths" | "lives" | "toll"
        | "fatalities" | "perished" | "massacred" | "executed" | "kill" => "killed",
        "injured" | "wounded" | "hurt" | "injuring" | "wounding" | "injuries" => "injured",
        "arrested" | "detained" | "jailed" | "detaining" | "arresting" | "custody"
        | "detainees" | "arrests" | "detentions" | "imprisoned" | "captured" => "detained",
        "displaced" | "fled" | "evacuated" | "homeless" | "refugees" | "displacing" => "displaced",
        "missing" | "disappeared" => "missing",
        "protested" | "protesting" | "demonstrated" | "rallied" | "marched" | "protest" => {
            "protesters"
        }
        _ => return None,
    })
}

/// The category the words around a number `lw[i..end]` give, and where the deciding word is
/// (left of the number) if it is.
pub(super) fn category_of_context(
    lw: &[&str],
    i: usize,
    end: usize,
) -> Option<(&'static str, Option<usize>)> {
    // Right: "12 people were killed", "hundreds of people fled".
    let mut k = end;
    while k < lw.len() && k < end + 2 && matches!(lw[k], "of" | "the") {
        k += 1;
    }
    while k < lw.len()
        && k < end + 4
        && category_of_noun(lw[k]).is_some_and(|c| matches!(c, "people" | "troops" | "protesters"))
    {
        k += 1;
    }
    let mut k2 = k;
    while k2 < lw.len()
        && k2 < k + 3
        && matches!(
            lw[k2],
            "were"
                | "was"
                | "have"
                | "had"
                | "been"
                | "are"
                | "being"
                | "reportedly"
                | "also"
                | "later"
        )
    {
        k2 += 1;
    }
    if let Some(c) = lw.get(k2).and_then(|w| context_word(w)) {
        return Some((c, None));
    }
    // Left, nearest first, within the clause: "killing 12", "the number of detainees … 8,000".
    for j in (i.saturating_sub(9)..i).rev() {
        if matches!(lw[j], "." | ";" | "," | "and" | "but") {
            break;
        }
        if let Some(c) = context_word(lw[j]) {
            return Some((c, Some(j)));
        }
    }
    None
}

/// A free category from the counted noun, kept only for nouns that denote people or equipment
/// and buildings in events ("75 military aircraft", "12 tanks", "40 homes"); counts of
/// countries, members of an alliance or abstract things ("6 republics", "3 reasons") are no
/// event figures.
pub(super) fn free_category(w: &str) -> Option<String> {
    const EVENT_NOUNS: &[&str] = &[
        // equipment
        "aircraft",
        "planes",
        "jets",
        "fighter-jets",
        "helicopters",
        "drones",
        "vehicles",
        "cars",
        "trucks",
        "lorries",
        "buses",
        "tanks",
        "ships",
        "vessels",
        "boats",
        "warships",
        "submarines",
        "missiles",
        "rockets",
        "shells",
        "bombs",
        "mortars",
        "weapons",
        "guns",
        "rifles",
        "artillery",
        "launchers",
        "warheads",
        "mines",
        "grenades",
        // buildings and places hit
        "buildings",
        "houses",
        "homes",
        "schools",
        "hospitals",
        "shops",
        "stores",
        "villages",
        "mosques",
        "churches",
        "bridges",
        "apartments",
        "towns",
        "camps",
        "checkpoints",
        // people
        "people",
        "persons",
        "civilians",
        "children",
        "women",
        "men",
        "students",
        "workers",
        "residents",
        "refugees",
        "migrants",
        "activists",
        "journalists",
        "reporters",
        "officers",
        "policemen",
        "police",
        "officials",
        "fighters",
        "militants",
        "rebels",
        "insurgents",
        "prisoners",
        "hostages",
        "families",
        "demonstrators",
        "supporters",
        "passengers",
        "pilgrims",
        "detainees",
        "victims",
        "casualties",
        "doctors",
        "nurses",
        "miners",
        "farmers",
        "teachers",
        "opponents",
        "dissidents",
        "lawmakers",
        "deputies",
        "candidates",
        "members",
        "guards",
        "volunteers",
        "mercenaries",
        "peacekeepers",
    ];
    EVENT_NOUNS.contains(&w).then(|| w.to_string())
}
