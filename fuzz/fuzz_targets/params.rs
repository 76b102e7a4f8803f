//! The API's query-parameter parser: any query string gives a checked filter and page or a
//! `ParamError` naming a parameter, never a panic; what is accepted is within the limits.
#![no_main]
use herald_server::params::{MAX_OFFSET, parse_filter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    match parse_filter(&query) {
        Ok((filter, page)) => {
            assert!(page.limit <= herald_store::MAX_PAGE, "{page:?}");
            assert!(page.offset <= MAX_OFFSET, "{page:?}");
            if let Some(q) = filter.quad_class {
                assert!((1..=4).contains(&q));
            }
            for v in [
                &filter.country,
                &filter.actor,
                &filter.text,
                &filter.document,
            ]
            .into_iter()
            .flatten()
            {
                assert!(
                    !v.chars().any(char::is_control),
                    "control character in {v:?}"
                );
            }
        }
        // `param` may be empty: a query `=x` names a parameter without a name.
        Err(e) => assert!(!e.error.is_empty(), "{e:?}"),
    }
});
