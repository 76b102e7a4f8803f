//! Dates: the reader's `parse_date` (metadata dates in odd formats) and the coder's time
//! resolver over arbitrary text, with and without a publication date. Every time expression's
//! span slices the text and its text is that slice; every value parses back.
#![no_main]
use herald_core::Document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = herald_read::parse_date(&text);
    // Two bytes of the input pick a publication date across four centuries.
    let published = data.get(..2).and_then(|b| {
        let n = u16::from_le_bytes([b[0], b[1]]) as i64;
        chrono::NaiveDate::from_ymd_opt(1900, 1, 1)?
            .checked_add_days(chrono::Days::new((n * 2) as u64))
    });
    for date in [None, published] {
        let mut doc = Document::from_text(text.as_ref());
        doc.published = date;
        for t in herald_code::time::find_times(&doc, &[]) {
            let slice = t
                .span
                .get(&doc.text)
                .expect("time span off char boundaries");
            assert_eq!(slice, t.text);
            if let Some(v) = &t.value {
                assert!(
                    herald_code::time::parse_value(v).is_some(),
                    "value {v:?} does not parse back"
                );
            }
        }
    }
    let _ = herald_code::time::parse_value(&text);
});
