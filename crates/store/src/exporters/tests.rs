use super::*;

use crate::{EventRow, Page};
use std::path::PathBuf;

fn export(store: &Store, filter: &Filter, format: Format) -> (u64, Vec<u8>) {
    let mut out = Vec::new();
    let n = store.export(filter, format, &mut out).unwrap();
    (n, out)
}

fn all_rows(store: &Store) -> Vec<EventRow> {
    store
        .events(&Filter::default(), Page::default())
        .unwrap()
        .events
}

/// GDELT's column list from ../shared/data (name, type), when present.
fn gdelt_spec() -> Option<Vec<(String, String)>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/data/ontology/GDELT2_events_columns.tsv");
    let text = std::fs::read_to_string(&path).ok()?;
    Some(
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("index\t"))
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                (f[1].to_string(), f[2].to_string())
            })
            .collect(),
    )
}

#[test]
fn gdelt_rows_have_61_typed_fields() {
    for store in crate::testutil::filled_all("gdelt_rows_have_61_typed_fields") {
        let (n, out) = export(&store, &Filter::default(), Format::Gdelt);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(n as usize, lines.len());
        assert_eq!(
            lines.len(),
            7,
            "one row per consolidated event, negated left out"
        );
        let spec = gdelt_spec();
        if spec.is_none() {
            eprintln!("skipping GDELT type check: ../shared/data/ontology not found");
        }
        for line in &lines {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), gdelt::COLUMNS, "{line}");
            if let Some(spec) = &spec {
                assert_eq!(spec.len(), 61);
                for ((name, ty), v) in spec.iter().zip(&f) {
                    if v.is_empty() {
                        continue;
                    }
                    match ty.as_str() {
                        "integer" => assert!(v.parse::<i64>().is_ok(), "{name} = {v:?}"),
                        "float" => assert!(v.parse::<f64>().is_ok(), "{name} = {v:?}"),
                        _ => {}
                    }
                }
            }
        }
        // The Almaty arrest, field by field.
        let row = lines
            .iter()
            .map(|l| l.split('\t').collect::<Vec<_>>())
            .find(|f| f[5] == "KAZCOP" && f[26] == "173")
            .expect("KAZCOP 173 row");
        let want = [
            (1, "20220105"),
            (2, "202201"),
            (3, "2022"),
            (4, "2022.0959"),
            (6, "POLICE"),
            (7, "KAZ"),
            (12, "COP"),
            (15, "KAZOPP"),
            (16, "PROTESTERS"),
            (17, "KAZ"),
            (22, "OPP"),
            (25, "1"),
            (27, "173"),
            (28, "17"),
            (29, "4"),
            (30, "-4"),
            (31, "1"),
            (34, "0"),
            (35, ""),
            (51, "4"),
            (52, "Almaty, Kazakhstan"),
            (53, "KZ"),
            (56, "43.25"),
            (57, "76.92"),
            (60, "https://news.example/kz1"),
        ];
        for (i, v) in want {
            assert_eq!(row[i], v, "column {i}");
        }
        let added = row[59];
        assert!(
            added.len() == 14 && added.parse::<u64>().is_ok(),
            "DATEADDED {added:?}"
        );
    }
}

#[test]
fn csv_has_header_and_flat_rows() {
    for store in crate::testutil::filled_all("csv_has_header_and_flat_rows") {
        let filter = Filter {
            country: Some("KZ".into()),
            ..Default::default()
        };
        let (n, out) = export(&store, &filter, Format::Csv);
        let mut r = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, flat_columns());
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len() as u64, n);
        assert_eq!(n, 3);
        let col = |name: &str| header.iter().position(|h| h == name).unwrap();
        let want = store.events(&filter, Page::default()).unwrap().events;
        for (rec, row) in rows.iter().zip(&want) {
            assert_eq!(rec[col("key")], row.key.to_string());
            assert_eq!(rec[col("cameo")], row.event.cameo);
            let lat: f64 = rec[col("place_lat")].parse().unwrap();
            assert_eq!(lat, row.event.place.as_ref().unwrap().lat);
            assert_eq!(&rec[col("negated")], "false");
            assert_eq!(&rec[col("num_articles")], "1");
        }
    }
}

#[test]
fn jsonl_is_the_event_row_json() {
    for store in crate::testutil::filled_all("jsonl_is_the_event_row_json") {
        let (n, out) = export(&store, &Filter::default(), Format::Jsonl);
        let lines: Vec<serde_json::Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len() as u64, n);
        let want: Vec<serde_json::Value> = all_rows(&store)
            .iter()
            .map(|r| serde_json::to_value(r).unwrap())
            .collect();
        assert_eq!(lines, want);
    }
}

#[test]
fn parquet_reads_back_typed() {
    use ::parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    use arrow_array::{Array, BooleanArray, Date32Array, Float64Array, Int64Array, StringArray};

    for store in crate::testutil::filled_all("parquet_reads_back_typed") {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("events.parquet");
        let filter = Filter {
            include_negated: true,
            ..Default::default()
        };
        let n = store
            .export(
                &filter,
                Format::Parquet,
                std::fs::File::create(&path).unwrap(),
            )
            .unwrap();
        assert_eq!(n, 8);
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap())
            .unwrap()
            .build()
            .unwrap();
        let batches: Vec<_> = reader.map(Result::unwrap).collect();
        let rows: usize = batches.iter().map(|b| b.num_rows()).sum();
        assert_eq!(rows, 8);
        let b = &batches[0];
        let names: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        assert_eq!(names, flat_columns());
        let col = |name: &str| {
            b.column(names.iter().position(|n| n == name).unwrap())
                .clone()
        };
        let want = store.events(&filter, Page::default()).unwrap().events;
        let keys = col("key");
        let keys = keys.as_any().downcast_ref::<Int64Array>().unwrap();
        let cameo = col("cameo");
        let cameo = cameo.as_any().downcast_ref::<StringArray>().unwrap();
        let lat = col("place_lat");
        let lat = lat.as_any().downcast_ref::<Float64Array>().unwrap();
        let date = col("date");
        let date = date.as_any().downcast_ref::<Date32Array>().unwrap();
        let negated = col("negated");
        let negated = negated.as_any().downcast_ref::<BooleanArray>().unwrap();
        for (i, row) in want.iter().enumerate() {
            assert_eq!(keys.value(i), row.key);
            assert_eq!(cameo.value(i), row.event.cameo);
            match &row.event.place {
                Some(p) => assert_eq!(lat.value(i), p.lat),
                None => assert!(lat.is_null(i)),
            }
            match row.event.date {
                Some(d) => assert_eq!(date.value_as_date(i), Some(d)),
                None => assert!(date.is_null(i)),
            }
            assert_eq!(negated.value(i), row.event.negated);
        }
    }
}

#[test]
fn cells_match_their_columns() {
    for store in crate::testutil::filled_all("cells_match_their_columns") {
        let filter = Filter {
            include_negated: true,
            ..Default::default()
        };
        for row in store.events(&filter, Page::default()).unwrap().events {
            let kinds: Vec<flat::Kind> = flat::cells(&row).iter().map(flat::Cell::kind).collect();
            let want: Vec<flat::Kind> = flat::COLUMNS.iter().map(|(_, k)| *k).collect();
            assert_eq!(kinds, want);
        }
    }
}

#[test]
fn formats_parse_by_name() {
    for (name, f) in Format::ALL {
        assert_eq!(name.parse::<Format>().unwrap(), f);
        assert_eq!(name.to_uppercase().parse::<Format>().unwrap(), f);
    }
    assert!("xlsx".parse::<Format>().unwrap_err().contains("gdelt"));
}
