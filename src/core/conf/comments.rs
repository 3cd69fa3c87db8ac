//! Which language the comments Stratum writes into a chrony.conf take: the
//! language of the file's own Stratum comments, so that a file never
//! becomes a mix; a file with none takes the window's language.

use super::document::Document;
use super::lab::LAB_COMMENTS;
use super::roles::Role;

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

/// The language of `doc`'s Stratum comments: of `langs` (each with the
/// text of a message id in that language), the one whose texts match the
/// most comment lines; `None` when no comment line is Stratum's. The
/// user's own comments match no language and so never count.
pub fn comment_language<L: Copy>(
    doc: &Document,
    langs: &[(L, &dyn Fn(&str) -> String)],
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
        .map(|(lang, words)| {
            let texts: Vec<String> = ids
                .iter()
                .map(|id| words(id).replace(['\n', '\r'], " ").trim().to_string())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words(lang: &'static str) -> impl Fn(&str) -> String {
        move |id: &str| format!("{lang} text of {id}")
    }

    #[test]
    fn the_file_s_own_stratum_comments_pick_the_language() {
        let en = words("en");
        let zh = words("zh");
        let langs: [(u8, &dyn Fn(&str) -> String); 2] = [(1, &en), (2, &zh)];
        let zh_file = Document::parse(
            "# zh text of lab-comment-header\n# my own note\nlocal stratum 10 orphan\n",
        );
        assert_eq!(comment_language(&zh_file, &langs), Some(2));
        let en_file = Document::parse("#en text of conf-comment-sources\nserver a\n");
        assert_eq!(comment_language(&en_file, &langs), Some(1));
        // Only the user's comments, or none: the caller's choice.
        let own = Document::parse("# my own note\nserver a\n");
        assert_eq!(comment_language(&own, &langs), None);
        assert_eq!(comment_language(&Document::parse(""), &langs), None);
    }
}
