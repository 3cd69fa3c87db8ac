//! Which language the comments Stratum writes into a chrony.conf take: the
//! language of the file's own Stratum comments, so that a file never
//! becomes a mix; a file with none takes the window's (or the command
//! line's) language.

use super::document::Document;
use super::lab::LAB_COMMENTS;
use super::roles::Role;
use crate::i18n::{Lang, Localizer};

/// The message ids of every comment Stratum writes into a chrony.conf.
pub fn stratum_comment_ids() -> Vec<String> {
    let mut ids: Vec<String> = LAB_COMMENTS.iter().map(|s| s.to_string()).collect();
    ids.extend(
        [
            "conf-comment-sources",
            "conf-comment-peers",
            "conf-comment-allow",
        ]
        .map(String::from),
    );
    ids.extend(Role::ALL.iter().map(|r| r.comment_id()));
    ids
}

/// The language of `doc`'s Stratum comments: of `langs` (`words` gives
/// the text of a message id in a language), the one whose texts match the
/// most comment lines; `None` when no comment line is Stratum's. The
/// user's own comments match no language and so never count.
pub fn comment_language<L: Copy>(
    doc: &Document,
    langs: &[L],
    words: impl Fn(L, &str) -> String,
) -> Option<L> {
    let comments: Vec<String> = doc
        .lines()
        .iter()
        .filter_map(|l| {
            let t = l.text();
            let t = t.trim();
            t.strip_prefix('#').map(|c| c.trim().to_string())
        })
        .filter(|c| !c.is_empty())
        .collect();
    if comments.is_empty() {
        return None;
    }
    let ids = stratum_comment_ids();
    langs
        .iter()
        .map(|lang| {
            let texts: Vec<String> = ids
                .iter()
                .map(|id| {
                    words(*lang, id)
                        .replace(['\n', '\r'], " ")
                        .trim()
                        .to_string()
                })
                .collect();
            let hits = comments.iter().filter(|c| texts.contains(c)).count();
            (*lang, hits)
        })
        .filter(|(_, hits)| *hits > 0)
        // The first language wins a tie (callers list the window's first).
        .fold(None, |best: Option<(L, usize)>, (l, n)| match best {
            Some((_, b)) if b >= n => best,
            _ => Some((l, n)),
        })
        .map(|(l, _)| l)
}

/// The language of `doc`'s Stratum comments, else `fallback` (the
/// window's or the command line's language).
pub fn conf_comment_lang(doc: &Document, fallback: Lang) -> Lang {
    // `fallback` first: it wins a tie.
    let order = std::iter::once(fallback).chain(Lang::ALL.into_iter().filter(|l| *l != fallback));
    let trs: Vec<(Lang, Localizer)> = order.map(|l| (l, Localizer::new(l))).collect();
    let langs: Vec<Lang> = trs.iter().map(|(l, _)| *l).collect();
    let words = |lang: Lang, id: &str| {
        trs.iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, t)| t.tr(id))
            .unwrap_or_default()
    };
    comment_language(doc, &langs, words).unwrap_or(fallback)
}

/// The text of comment `id` for a line Stratum adds to `doc`, in the
/// language of the file's Stratum comments (else `fallback`).
pub fn conf_comment(doc: &Document, fallback: Lang, id: &str) -> String {
    Localizer::new(conf_comment_lang(doc, fallback)).tr(id)
}

#[cfg(test)]
mod i18n_tests {
    use super::*;
    use crate::core::conf::lab::lab_config;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: u8, id: &str) -> String {
        format!("{} text of {id}", ["en", "zh"][usize::from(lang)])
    }

    #[test]
    fn the_file_s_own_stratum_comments_pick_the_language() {
        let langs = [0, 1];
        let zh_file = Document::parse(
            "# zh text of lab-comment-header\n# my own note\nlocal stratum 10 orphan\n",
        );
        assert_eq!(comment_language(&zh_file, &langs, words), Some(1));
        let en_file = Document::parse("#en text of conf-comment-sources\nserver a\n");
        assert_eq!(comment_language(&en_file, &langs, words), Some(0));
        // Only the user's comments, or none: the caller's choice.
        let own = Document::parse("# my own note\nserver a\n");
        assert_eq!(comment_language(&own, &langs, words), None);
        assert_eq!(comment_language(&Document::parse(""), &langs, words), None);
    }
}
