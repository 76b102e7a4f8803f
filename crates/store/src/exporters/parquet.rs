//! Parquet via arrow-rs: the flat columns, typed (dates `Date32`, coordinates `Float64`,
//! counts `Int64`, flags `Boolean`, codes and text `Utf8`), Snappy-compressed, in row groups
//! of [`BATCH`] events. DuckDB, Spark, pandas and Trino read it.

use super::flat::{COLUMNS, Cell, Kind};
use arrow_array::builder::{
    ArrayBuilder, BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use chrono::NaiveDate;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use std::io::Write;
use std::sync::Arc;

/// Events per record batch.
pub(crate) const BATCH: usize = 8192;

/// Days since 1970-01-01, Arrow's `Date32`.
fn days(d: NaiveDate) -> i32 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");
    (d - epoch).num_days() as i32
}

fn schema() -> Arc<Schema> {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|(name, kind)| {
            let ty = match kind {
                Kind::Str => DataType::Utf8,
                Kind::Int => DataType::Int64,
                Kind::Float => DataType::Float64,
                Kind::Bool => DataType::Boolean,
                Kind::Date => DataType::Date32,
            };
            Field::new(*name, ty, !matches!(kind, Kind::Bool))
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// Builds columns from rows of cells and writes them as Parquet.
pub(crate) struct ParquetSink<W: Write + Send> {
    writer: ArrowWriter<W>,
    schema: Arc<Schema>,
    builders: Vec<Box<dyn ArrayBuilder>>,
    rows: usize,
}

fn builders() -> Vec<Box<dyn ArrayBuilder>> {
    COLUMNS
        .iter()
        .map(|(_, kind)| -> Box<dyn ArrayBuilder> {
            match kind {
                Kind::Str => Box::new(StringBuilder::new()),
                Kind::Int => Box::new(Int64Builder::new()),
                Kind::Float => Box::new(Float64Builder::new()),
                Kind::Bool => Box::new(BooleanBuilder::new()),
                Kind::Date => Box::new(Date32Builder::new()),
            }
        })
        .collect()
}

fn downcast<T: 'static>(b: &mut Box<dyn ArrayBuilder>) -> &mut T {
    b.as_any_mut()
        .downcast_mut::<T>()
        .expect("builder matches its column kind")
}

impl<W: Write + Send> ParquetSink<W> {
    pub(crate) fn new(out: W) -> parquet::errors::Result<ParquetSink<W>> {
        let schema = schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("herald {}", env!("CARGO_PKG_VERSION")))
            .build();
        Ok(ParquetSink {
            writer: ArrowWriter::try_new(out, schema.clone(), Some(props))?,
            schema,
            builders: builders(),
            rows: 0,
        })
    }

    pub(crate) fn push(&mut self, cells: Vec<Cell>) -> parquet::errors::Result<()> {
        for (b, cell) in self.builders.iter_mut().zip(cells) {
            match cell {
                Cell::Str(v) => downcast::<StringBuilder>(b).append_option(v),
                Cell::Int(v) => downcast::<Int64Builder>(b).append_option(v),
                Cell::Float(v) => downcast::<Float64Builder>(b).append_option(v),
                Cell::Bool(v) => downcast::<BooleanBuilder>(b).append_value(v),
                Cell::Date(v) => downcast::<Date32Builder>(b).append_option(v.map(days)),
            }
        }
        self.rows += 1;
        if self.rows == BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> parquet::errors::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let arrays: Vec<ArrayRef> = self.builders.iter_mut().map(|b| b.finish()).collect();
        let batch = RecordBatch::try_new(self.schema.clone(), arrays)?;
        self.writer.write(&batch)?;
        self.rows = 0;
        Ok(())
    }

    /// Writes the last batch and the footer.
    pub(crate) fn finish(mut self) -> parquet::errors::Result<W> {
        self.flush()?;
        self.writer.into_inner()
    }
}
