//! Scoring the segmenter on a UD treebank (`herald eval segment FILE.conllu`).
//!
//! Raw documents are rebuilt from the treebank: the `# text` of each sentence, documents from
//! `# newdoc`, paragraphs from `# newpar` (sentences of a paragraph joined by one space,
//! paragraphs by a blank line; a document without paragraph marks is one paragraph). Gold
//! tokens are found in the text by scanning their forms in order. Three scores:
//! - sentences: a predicted sentence is right when its span equals a gold sentence's span;
//! - tokens: against the surface tokens (a multi-word token such as "don't" counts once, by
//!   its span; predicted tokens that exactly tile it count as that one token);
//! - words: against the syntactic words (do + n't), the units the tagger and parser see.

use super::segment;
use crate::conllu::{self, ConlluSentence};
use herald_core::metrics::ratio;
use herald_core::{Result, Span};
use std::collections::{HashMap, HashSet};

/// Which segmenter to score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Splitter {
    /// [`segment`].
    Herald,
    /// A same-run reference: tokens are whitespace chunks with ASCII punctuation peeled off
    /// both ends; a sentence ends after `.`, `!` or `?` followed by a space and a capital.
    Baseline,
}

/// Precision, recall and F1 counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// Predicted items that match a gold item.
    pub correct: usize,
    /// Gold items.
    pub gold: usize,
    /// Predicted items.
    pub predicted: usize,
}

impl Prf {
    /// Precision (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    /// Recall (0 when there is no gold).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        herald_core::metrics::f1(self.precision(), self.recall())
    }
    fn add(&mut self, gold: &HashSet<Span>, predicted: &[Span]) {
        self.gold += gold.len();
        self.predicted += predicted.len();
        self.correct += predicted.iter().filter(|s| gold.contains(s)).count();
    }
}

/// The result of scoring a segmenter on a treebank.
#[derive(Clone, Debug, Default)]
pub struct SegmentScore {
    /// Documents rebuilt.
    pub documents: usize,
    /// Bytes of rebuilt text.
    pub bytes: usize,
    /// Sentence boundaries.
    pub sentences: Prf,
    /// Surface tokens.
    pub tokens: Prf,
    /// Syntactic words.
    pub words: Prf,
    /// Gold tokens whose form could not be found in the sentence text (left out of scoring).
    pub unaligned: usize,
    /// Seconds spent segmenting (not reading or scoring): thread CPU time where available.
    pub seconds: f64,
    /// Sentence errors with context, for reading (at most the number asked for).
    pub errors: Vec<String>,
    /// Token errors: predicted surface tokens that match no gold token, beside the gold
    /// tokens they overlap (at most the number asked for).
    pub token_errors: Vec<String>,
}

impl SegmentScore {
    /// Segmenting throughput in MB/s.
    pub fn mb_per_s(&self) -> f64 {
        if self.seconds > 0.0 {
            self.bytes as f64 / 1e6 / self.seconds
        } else {
            0.0
        }
    }
}

/// One rebuilt document with its gold spans.
#[derive(Default)]
struct GoldDoc {
    text: String,
    sentences: HashSet<Span>,
    tokens: HashSet<Span>,
    words: HashSet<Span>,
    /// Multi-word token spans, by start.
    multiwords: HashMap<usize, usize>,
    unaligned: usize,
}

/// Groups treebank sentences into documents.
fn documents(sents: &[ConlluSentence]) -> Vec<&[ConlluSentence]> {
    let mut docs = Vec::new();
    let mut start = 0;
    for (i, s) in sents.iter().enumerate() {
        if i > start && s.newdoc.is_some() {
            docs.push(&sents[start..i]);
            start = i;
        }
    }
    if start < sents.len() {
        docs.push(&sents[start..]);
    }
    docs
}

fn rebuild(doc: &[ConlluSentence]) -> GoldDoc {
    let has_pars = doc.iter().any(|s| s.newpar);
    let mut g = GoldDoc::default();
    for (k, s) in doc.iter().enumerate() {
        if k > 0 {
            g.text
                .push_str(if has_pars && s.newpar { "\n\n" } else { " " });
        }
        let base = g.text.len();
        g.text.push_str(&s.text);
        if !s.text.is_empty() {
            g.sentences.insert(Span::new(base, g.text.len()));
        }
        align(&mut g, s, base);
    }
    g
}

/// Locates the sentence's gold tokens and words in the text at `base`.
fn align(g: &mut GoldDoc, s: &ConlluSentence, base: usize) {
    let text = s.text.as_str();
    let mut cursor = 0;
    let mut w = 0; // next word index (0-based)
    let mut mwts = s.multiwords.iter().peekable();
    while w < s.words.len() {
        let mwt = mwts.next_if(|m| m.first == w + 1);
        let (form, last) = match mwt {
            Some(m) => (m.form.as_str(), m.last.max(w + 1)),
            None => (s.words[w].form.as_str(), w + 1),
        };
        let skip = text[cursor..].len() - text[cursor..].trim_start().len();
        let at = cursor + skip;
        let found = if text[at..].starts_with(form) {
            Some(at)
        } else {
            text[at..].find(form).map(|i| at + i)
        };
        let Some(start) = found.filter(|_| !form.is_empty()) else {
            g.unaligned += 1;
            w = last;
            continue;
        };
        let end = start + form.len();
        let span = Span::new(base + start, base + end);
        g.tokens.insert(span);
        let parts = &s.words[w..last.min(s.words.len())];
        if mwt.is_some() {
            g.multiwords.insert(span.start, span.end);
            if parts.iter().map(|p| p.form.len()).sum::<usize>() == form.len()
                && parts.iter().map(|p| p.form.as_str()).collect::<String>() == form
            {
                let mut o = span.start;
                for p in parts {
                    g.words.insert(Span::new(o, o + p.form.len()));
                    o += p.form.len();
                }
            } else {
                g.words.insert(span);
            }
        } else {
            g.words.insert(span);
        }
        cursor = end;
        w = last;
    }
}

/// Merges predicted tokens that exactly tile a gold multi-word token into one surface token.
fn surface(tokens: &[Span], multiwords: &HashMap<usize, usize>) -> Vec<Span> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        if let Some(&end) = multiwords.get(&tokens[i].start) {
            let mut j = i;
            while j + 1 < tokens.len()
                && tokens[j].end < end
                && tokens[j + 1].start == tokens[j].end
            {
                j += 1;
            }
            if j > i && tokens[j].end == end {
                out.push(Span::new(tokens[i].start, end));
                i = j + 1;
                continue;
            }
        }
        out.push(tokens[i]);
        i += 1;
    }
    out
}

/// The baseline segmenter (see [`Splitter::Baseline`]): sentence spans and token spans.
fn baseline(text: &str) -> (Vec<Span>, Vec<Span>) {
    let mut tokens = Vec::new();
    let mut sentences = Vec::new();
    let mut sent_start: Option<usize> = None;
    let mut pending_end = None;
    let mut pos = 0;
    for chunk in text.split_ascii_whitespace() {
        let start = pos + text[pos..].find(chunk).expect("chunk of text");
        pos = start + chunk.len();
        if let Some(end) = pending_end.take()
            && chunk.starts_with(|c: char| c.is_uppercase())
            && let Some(s) = sent_start.take()
        {
            sentences.push(Span::new(s, end));
        }
        sent_start.get_or_insert(start);
        let core = chunk.trim_matches(|c: char| c.is_ascii_punctuation());
        let lead = chunk.len()
            - chunk
                .trim_start_matches(|c: char| c.is_ascii_punctuation())
                .len();
        let (cs, ce) = if core.is_empty() {
            (chunk.len(), chunk.len())
        } else {
            (lead, lead + core.len())
        };
        for k in 0..cs {
            tokens.push(Span::new(start + k, start + k + 1));
        }
        if ce > cs {
            tokens.push(Span::new(start + cs, start + ce));
        }
        for k in ce..chunk.len() {
            tokens.push(Span::new(start + k, start + k + 1));
        }
        if chunk.ends_with(['.', '!', '?']) {
            pending_end = Some(pos);
        }
    }
    if let Some(s) = sent_start {
        sentences.push(Span::new(s, pos));
    }
    (sentences, tokens)
}

/// CPU time of the calling thread in nanoseconds (Linux), for throughput figures that hold on
/// a busy machine.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Sentence and token spans of `text` by `splitter`.
fn run(splitter: Splitter, text: &str) -> (Vec<Span>, Vec<Span>) {
    match splitter {
        Splitter::Herald => {
            let out = segment(text);
            let sentences = out.iter().map(|s| s.span).collect();
            let tokens = out
                .iter()
                .flat_map(|s| s.tokens.iter().map(|t| t.span))
                .collect();
            (sentences, tokens)
        }
        Splitter::Baseline => baseline(text),
    }
}

/// Scores `splitter` on treebank sentences; `max_errors` sentence errors are kept for reading.
/// `seconds` is thread CPU time where the platform reports it, wall-clock time otherwise.
pub fn evaluate(sents: &[ConlluSentence], splitter: Splitter, max_errors: usize) -> SegmentScore {
    let mut score = SegmentScore::default();
    let golds: Vec<GoldDoc> = documents(sents).into_iter().map(rebuild).collect();
    // A treebank segments in milliseconds, below the resolution of the CPU clock: repeat
    // for a quarter of a second and report the time of one pass.
    let (cpu0, wall0) = (thread_cpu_ns(), std::time::Instant::now());
    let mut passes = 0u32;
    let outputs: Vec<(Vec<Span>, Vec<Span>)> = loop {
        let out: Vec<_> = golds.iter().map(|g| run(splitter, &g.text)).collect();
        passes += 1;
        if wall0.elapsed().as_secs_f64() >= 0.25 || passes >= 1000 {
            break out;
        }
    };
    let total = match (cpu0, thread_cpu_ns()) {
        (Some(a), Some(b)) => b.saturating_sub(a) as f64 / 1e9,
        _ => wall0.elapsed().as_secs_f64(),
    };
    score.seconds = total / f64::from(passes);
    for (g, (sentences, tokens)) in golds.iter().zip(&outputs) {
        score.documents += 1;
        score.bytes += g.text.len();
        score.unaligned += g.unaligned;
        score.sentences.add(&g.sentences, sentences);
        score.words.add(&g.words, tokens);
        let surface = surface(tokens, &g.multiwords);
        score.tokens.add(&g.tokens, &surface);
        if score.errors.len() < max_errors {
            collect_errors(g, sentences, max_errors, &mut score.errors);
        }
        if score.token_errors.len() < max_errors {
            token_errors(g, &surface, max_errors, &mut score.token_errors);
        }
    }
    score
}

/// Describes missed and spurious sentence ends of one document.
fn collect_errors(g: &GoldDoc, predicted: &[Span], max: usize, out: &mut Vec<String>) {
    let gold_ends: HashSet<usize> = g.sentences.iter().map(|s| s.end).collect();
    let pred_ends: HashSet<usize> = predicted.iter().map(|s| s.end).collect();
    let mut events: Vec<(usize, &str)> = gold_ends
        .difference(&pred_ends)
        .map(|&e| (e, "missed"))
        .chain(pred_ends.difference(&gold_ends).map(|&e| (e, "spurious")))
        .collect();
    events.sort();
    for (e, what) in events {
        if out.len() >= max {
            return;
        }
        let lo = g.text.floor_char_boundary(e.saturating_sub(60));
        let hi = g.text.ceil_char_boundary((e + 40).min(g.text.len()));
        let ctx = format!("{}‖{}", &g.text[lo..e], &g.text[e..hi]).replace('\n', "⏎");
        out.push(format!("{what:8} {ctx}"));
    }
}

/// Describes predicted tokens of one document that match no gold token.
fn token_errors(g: &GoldDoc, predicted: &[Span], max: usize, out: &mut Vec<String>) {
    let mut gold: Vec<Span> = g.tokens.iter().copied().collect();
    gold.sort();
    for p in predicted.iter().filter(|p| !g.tokens.contains(p)) {
        if out.len() >= max {
            return;
        }
        let from = gold.partition_point(|s| s.end <= p.start);
        let overlapping: Vec<&str> = gold[from..]
            .iter()
            .take_while(|s| s.start < p.end)
            .map(|s| s.slice(&g.text))
            .collect();
        out.push(format!("{:?} vs gold {:?}", p.slice(&g.text), overlapping));
    }
}

/// Reads a CoNLL-U file and scores `splitter` on it.
pub fn evaluate_file(
    path: &std::path::Path,
    splitter: Splitter,
    max_errors: usize,
) -> Result<SegmentScore> {
    let sents = conllu::read(path)?;
    Ok(evaluate(&sents, splitter, max_errors))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# newdoc id = d1\n# newpar\n# text = I don't know.\n\
1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n\
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n\
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n\
# text = Go home.\n\
1\tGo\tgo\tVERB\tVB\t_\t0\troot\t_\t_\n\
2\thome\thome\tADV\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n\
# newpar\n# text = Headline here\n\
1\tHeadline\theadline\tNOUN\tNN\t_\t0\troot\t_\t_\n\
2\there\there\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n\
# newdoc id = d2\n# text = Next doc.\n\
1\tNext\tnext\tADJ\tJJ\t_\t2\tamod\t_\t_\n\
2\tdoc\tdoc\tNOUN\tNN\t_\t0\troot\t_\tSpaceAfter=No\n\
3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    fn sents() -> Vec<ConlluSentence> {
        conllu::parse(DOC, "fixture").unwrap()
    }

    #[test]
    fn rebuilds_documents_paragraphs_and_gold_spans() {
        let s = sents();
        let docs = documents(&s);
        assert_eq!(docs.len(), 2);
        let g = rebuild(docs[0]);
        assert_eq!(g.text, "I don't know. Go home.\n\nHeadline here");
        let mut sent: Vec<&str> = g.sentences.iter().map(|s| s.slice(&g.text)).collect();
        sent.sort();
        assert_eq!(sent, ["Go home.", "Headline here", "I don't know."]);
        let mut toks: Vec<Span> = g.tokens.iter().copied().collect();
        toks.sort();
        let toks: Vec<&str> = toks.iter().map(|s| s.slice(&g.text)).collect();
        assert_eq!(
            toks,
            [
                "I", "don't", "know", ".", "Go", "home", ".", "Headline", "here"
            ]
        );
        assert!(g.words.contains(&Span::new(2, 4)) && g.words.contains(&Span::new(4, 7)));
        assert_eq!(g.unaligned, 0);
    }

    #[test]
    fn merges_predicted_words_tiling_a_multiword_token() {
        let mw = HashMap::from([(2, 7)]);
        let pred = [
            Span::new(0, 1),
            Span::new(2, 4),
            Span::new(4, 7),
            Span::new(8, 12),
        ];
        assert_eq!(
            surface(&pred, &mw),
            [Span::new(0, 1), Span::new(2, 7), Span::new(8, 12)]
        );
        // A split that overshoots the multi-word token is left alone.
        let pred = [Span::new(2, 4), Span::new(4, 8)];
        assert_eq!(surface(&pred, &mw), pred);
    }

    #[test]
    fn scores_herald_and_baseline() {
        let s = sents();
        let ours = evaluate(&s, Splitter::Herald, 10);
        assert_eq!(ours.documents, 2);
        assert_eq!(ours.sentences.gold, 4);
        assert_eq!(ours.sentences.f1(), 1.0, "{:?}", ours.errors);
        assert_eq!(ours.tokens.f1(), 1.0, "{:?}", ours.token_errors);
        assert_eq!(ours.words.f1(), 1.0);
        let base = evaluate(&s, Splitter::Baseline, 0);
        // The baseline keeps "don't" whole: right as a surface token, wrong as words.
        assert!(base.words.f1() < 1.0);
        assert_eq!(base.tokens.f1(), 1.0);
    }

    /// Floors on the dev sets (measured: EWT 0.86 / 0.99, GUM 0.96 / 0.997); skipped when
    /// ../shared is absent.
    #[test]
    fn clears_floors_on_ud_dev_sets() {
        for (file, sent_floor, tok_floor) in [
            ("en_ewt-ud-dev.conllu", 0.84, 0.985),
            ("en_gum-ud-dev.conllu", 0.94, 0.99),
        ] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/ud")
                .join(file);
            if !path.exists() {
                eprintln!("skipping: {} not found", path.display());
                continue;
            }
            let s = evaluate_file(&path, Splitter::Herald, 0).unwrap();
            assert!(s.sentences.f1() >= sent_floor, "{file}: {:?}", s.sentences);
            assert!(s.tokens.f1() >= tok_floor, "{file}: {:?}", s.tokens);
            assert_eq!(s.unaligned, 0, "{file}");
        }
    }

    #[test]
    fn prf_arithmetic() {
        let p = Prf {
            correct: 3,
            gold: 4,
            predicted: 6,
        };
        assert_eq!(p.precision(), 0.5);
        assert_eq!(p.recall(), 0.75);
        assert!((p.f1() - 0.6).abs() < 1e-12);
        assert_eq!(Prf::default().f1(), 0.0);
    }
}
