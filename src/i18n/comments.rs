//! The language of the comments Stratum writes into a chrony.conf (see
//! `core::conf::comments`): a file keeps the language of its own Stratum
//! comments, a file with none takes the caller's.

use super::{Lang, Localizer};
use crate::core::conf::Document;
use crate::core::conf::comments::comment_language;

/// The language of `doc`'s Stratum comments, else `fallback` (the
/// window's or the command line's language).
pub fn conf_comment_lang(doc: &Document, fallback: Lang) -> Lang {
    // `fallback` first: it wins a tie.
    let order = std::iter::once(fallback).chain(Lang::ALL.into_iter().filter(|l| *l != fallback));
    let trs: Vec<(Lang, Localizer)> = order.map(|l| (l, Localizer::new(l))).collect();
    let words: Vec<Box<dyn Fn(&str) -> String + '_>> = trs
        .iter()
        .map(|(_, t)| Box::new(move |id: &str| t.tr(id)) as Box<dyn Fn(&str) -> String>)
        .collect();
    let langs: Vec<(Lang, &dyn Fn(&str) -> String)> = trs
        .iter()
        .zip(&words)
        .map(|((l, _), w)| (*l, w.as_ref()))
        .collect();
    comment_language(doc, &langs).unwrap_or(fallback)
}

/// The text of comment `id` for a line Stratum adds to `doc`, in the
/// language of the file's Stratum comments (else `fallback`).
pub fn conf_comment(doc: &Document, fallback: Lang, id: &str) -> String {
    Localizer::new(conf_comment_lang(doc, fallback)).tr(id)
}
