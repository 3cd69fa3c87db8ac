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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::conf::lab_config;

    #[test]
    fn a_file_keeps_its_comments_language_and_a_new_one_takes_the_caller_s() {
        for lang in Lang::ALL {
            let tr = Localizer::new(lang);
            let lab = Document::parse(lab_config(|id| tr.tr(id)));
            for caller in Lang::ALL {
                assert_eq!(conf_comment_lang(&lab, caller), lang, "{lang:?} {caller:?}");
                assert_eq!(
                    conf_comment(&lab, caller, "conf-comment-sources"),
                    tr.tr("conf-comment-sources")
                );
            }
            // The user's own comments (in any language) do not count.
            let own = Document::parse("# 我的服务器\n# my server\nserver a.example\n");
            assert_eq!(conf_comment_lang(&own, lang), lang);
        }
    }
}
