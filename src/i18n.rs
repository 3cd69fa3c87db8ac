//! Translated texts: Fluent files under `i18n/<lang>/`, embedded in the
//! binary so that a bare executable speaks both languages.

use crate::core::codes::ErrorCode;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

/// Stands for a source with no address in a finding's text until the
/// sentence around it is known (private use: never in a translation).
const UNNAMED: &str = "\u{E000}";

mod dates;
mod errors;
mod health;
mod values;

pub use errors::{OsError, OsErrorKind, UserError};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize,
)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "zh-CN")]
    ZhCn,
}

/// The variable a window sets for the lab helper it starts: the language
/// of the files the helper writes for it (a new lab's chrony.conf).
pub const LANG_VAR: &str = "STRATUM_LANG";

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// `en`, `zh-CN`, and the spellings locales use (`zh_CN.UTF-8`, `zh`).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase().replace('_', "-");
        if s.starts_with("zh") {
            Some(Lang::ZhCn)
        } else if s.starts_with("en") || s == "c" || s == "posix" || s.starts_with("c.") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language of the locale in the environment (LC_ALL, LC_MESSAGES,
    /// LANG, first set wins); English when unset or unknown.
    pub fn from_env() -> Lang {
        if let Some(l) = std::env::var(LANG_VAR)
            .ok()
            .as_deref()
            .and_then(Lang::parse)
        {
            return l;
        }
        Self::from_locale_vars(|k| std::env::var(k).ok())
    }

    pub fn from_locale_vars(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| get(k).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Lang::parse(&v))
            .unwrap_or(Lang::En)
    }
}

/// The Fluent sources, per language: (language, file name, text).
macro_rules! ftl {
    ($lang:expr, $dir:literal, $file:literal) => {
        (
            $lang,
            $file,
            include_str!(concat!("../i18n/", $dir, "/", $file)),
        )
    };
}

pub const SOURCES: &[(Lang, &str, &str)] = &[
    ftl!(Lang::En, "en", "cli.ftl"),
    ftl!(Lang::En, "en", "lint.ftl"),
    ftl!(Lang::En, "en", "helper.ftl"),
    ftl!(Lang::En, "en", "export.ftl"),
    ftl!(Lang::En, "en", "explain.ftl"),
    ftl!(Lang::En, "en", "gui.ftl"),
    ftl!(Lang::En, "en", "health.ftl"),
    ftl!(Lang::En, "en", "help.ftl"),
    ftl!(Lang::En, "en", "roster.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "cli.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "lint.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "helper.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "export.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "explain.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "gui.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "health.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "help.ftl"),
    ftl!(Lang::ZhCn, "zh-CN", "roster.ftl"),
];

/// Where a text is read. The command line names its flags (`--server`);
/// the window names the field or button to use instead: there a message
/// `window-ID` (in gui.ftl) takes the place of `ID`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Surface {
    Cli,
    Window,
}

/// The prefix of a message that takes the place of another in the window.
pub const WINDOW_PREFIX: &str = "window-";

pub struct Localizer {
    lang: Lang,
    surface: Surface,
    bundle: FluentBundle<FluentResource>,
    fallback: Option<Box<Localizer>>,
    /// Ids that have a `window-` version (used on [`Surface::Window`]).
    window_ids: std::collections::HashSet<String>,
}

/// A text as it was rendered, for tests that read every message a surface
/// shows (see [`record_renders`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// The id asked for (before a `window-` version took its place).
    pub id: String,
    pub lang: Lang,
    pub text: String,
}

thread_local! {
    static RENDERED: std::cell::RefCell<Option<Vec<Rendered>>> =
        const { std::cell::RefCell::new(None) };
}

/// Starts keeping every text this thread renders (until
/// [`take_renders`]): the window's words are tested as the code fills them.
pub fn record_renders() {
    RENDERED.with(|r| *r.borrow_mut() = Some(Vec::new()));
}

/// The texts rendered on this thread since [`record_renders`]; stops
/// keeping them.
pub fn take_renders() -> Vec<Rendered> {
    RENDERED.with(|r| r.borrow_mut().take().unwrap_or_default())
}

impl Localizer {
    /// Texts for the command line (and anything that is not the window).
    pub fn new(lang: Lang) -> Localizer {
        Self::with_surface(lang, Surface::Cli)
    }

    /// Texts for the window: no command-line flags, the fields to use.
    pub fn window(lang: Lang) -> Localizer {
        Self::with_surface(lang, Surface::Window)
    }

    pub fn with_surface(lang: Lang, surface: Surface) -> Localizer {
        let id: LanguageIdentifier = lang.code().parse().expect("valid language id");
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Isolation marks around arguments break plain-text output and
        // exact matching in tests.
        bundle.set_use_isolating(false);
        for (l, name, text) in SOURCES {
            if *l == lang {
                let res = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{}/{name}: {e:?}", lang.code()));
                bundle
                    .add_resource(res)
                    .unwrap_or_else(|e| panic!("{}/{name}: {e:?}", lang.code()));
            }
        }
        let fallback =
            (lang != Lang::En).then(|| Box::new(Localizer::with_surface(Lang::En, surface)));
        let window_ids = SOURCES
            .iter()
            .filter(|(l, _, _)| *l == lang && surface == Surface::Window)
            .flat_map(|(_, _, text)| message_ids(text))
            .filter_map(|id| id.strip_prefix(WINDOW_PREFIX).map(String::from))
            .collect();
        Localizer {
            lang,
            surface,
            bundle,
            fallback,
            window_ids,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn surface(&self) -> Surface {
        self.surface
    }

    /// The header of an exported file. Switches, routers and firewalls take
    /// ASCII only (a device rejects or mangles UTF-8), so theirs is English;
    /// a configuration for chrony or ntpd (which read comments as bytes)
    /// speaks the user's language.
    pub fn export_header(
        &self,
        file: &str,
        format: crate::core::export::Format,
        backup: bool,
    ) -> String {
        use crate::core::export::Format;
        let tr = match &self.fallback {
            Some(en) if format.ascii_only() => en,
            _ => self,
        };
        // In English the format's id reads as words; in another language
        // the format is named in it (its title), not by an English id. A
        // pair's backup file says whose it is.
        let named = if backup && matches!(format, Format::ChronyServer | Format::Ntp) {
            tr.tr(&format!("{}-backup", format.title_id()))
        } else if tr.lang == Lang::En {
            format.name().to_string()
        } else {
            tr.tr(&format.title_id())
        };
        if file.is_empty() {
            tr.tr_args("export-header-plain", &[("format", named.as_str())])
        } else {
            tr.tr_args("export-header", &[("file", file), ("format", &named)])
        }
    }

    /// Why an export's comments are English in another language: the
    /// target takes ASCII only. `None` in English or for a format that
    /// takes UTF-8 (its comments are translated).
    pub fn export_ascii_notice(&self, format: crate::core::export::Format) -> Option<String> {
        (self.lang != Lang::En && format.ascii_only()).then(|| {
            self.tr_args(
                "export-ascii-only",
                &[("format", self.tr(&format.title_id()))],
            )
        })
    }

    /// A comment an export writes, in the language its target reads (as
    /// [`Localizer::export_header`]).
    pub fn export_comment<S: AsRef<str>>(
        &self,
        format: crate::core::export::Format,
        id: &str,
        args: &[(&str, S)],
    ) -> String {
        match &self.fallback {
            Some(en) if format.ascii_only() => en.export_note(id, args),
            _ => self.export_note(id, args),
        }
    }

    /// An export's note: the lists of names and addresses among its
    /// arguments (joined by ", " in the core) listed the language's way.
    pub fn export_note<S: AsRef<str>>(&self, id: &str, args: &[(&str, S)]) -> String {
        let args: Vec<(&str, String)> = args
            .iter()
            .map(|(k, v)| match *k {
                "servers" | "addresses" | "hosts" => (*k, self.sources_list(v.as_ref())),
                _ => (*k, v.as_ref().to_string()),
            })
            .collect();
        self.tr_args(id, &args)
    }

    /// An exported alert's summary (`alert-summary-<rule>`), its labels
    /// passed as Prometheus templates for Alertmanager to fill.
    pub fn alert_summary(&self, r: &crate::core::export::alerts::AlertRule) -> String {
        self.tr_args(&format!("alert-summary-{}", r.name), &r.summary_args())
    }

    /// The text of a helper error code (`err-<code>`), with its detail.
    pub fn error_text(&self, code: ErrorCode, detail: Option<String>) -> String {
        // A refused roster edit says which rule, with its own sentence.
        if let (ErrorCode::RosterEdit, Some(d)) = (code, &detail) {
            let (id, args) = crate::core::roster::RosterError::from_detail(d).message();
            return self.tr_args(id, &args);
        }
        let id = format!("err-{code}");
        if self.has(&id) {
            self.tr_args(&id, &[("detail", detail.unwrap_or_default())])
        } else {
            format!("{code} {}", detail.unwrap_or_default())
        }
    }

    /// An alarm of the helper, in one sentence.
    pub fn alarm_text(&self, a: &crate::core::alarm::Alarm) -> String {
        self.tr_args(&format!("alarm-{}", a.kind), &[("what", a.what.as_str())])
    }

    /// Why a watched host does not answer, in words about that host (the
    /// codes are the cmdmon client's; their usual texts speak of the local
    /// chronyd's socket).
    pub fn watch_error_text(&self, code: ErrorCode) -> String {
        let id = format!("fleet-error-{code}");
        if self.has(&id) {
            self.tr(&id)
        } else {
            self.error_text(code, None)
        }
    }

    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    pub fn tr(&self, id: &str) -> String {
        self.tr_args::<&str>(id, &[])
    }

    /// The message `id` with named arguments; integers are passed as numbers
    /// so that plural selectors work.
    pub fn tr_args<S: AsRef<str>>(&self, id: &str, args: &[(&str, S)]) -> String {
        let text = self.render(id, args);
        RENDERED.with(|r| {
            if let Some(v) = r.borrow_mut().as_mut() {
                v.push(Rendered {
                    id: id.to_string(),
                    lang: self.lang,
                    text: text.clone(),
                });
            }
        });
        text
    }

    fn render<S: AsRef<str>>(&self, id: &str, args: &[(&str, S)]) -> String {
        if self.window_ids.contains(id) {
            return self.render(&format!("{WINDOW_PREFIX}{id}"), args);
        }
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return match &self.fallback {
                Some(f) => f.render(id, args),
                None => id.to_string(),
            };
        };
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            // Arguments often come from outside (a path, a gpsd's driver,
            // a remote helper's detail): never a control sequence.
            let v = crate::core::text::escape_controls(v.as_ref());
            match v.parse::<i64>() {
                Ok(n) => fargs.set(*k, FluentValue::from(n)),
                Err(_) => fargs.set(*k, FluentValue::from(v.into_owned())),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }
}

impl Localizer {
    /// The first of `ids` the catalogue has (the most specific first).
    pub fn tr_first<S: AsRef<str>>(&self, ids: &[String], args: &[(&str, S)]) -> String {
        let id = ids
            .iter()
            .find(|id| self.has(id) || self.fallback.as_ref().is_some_and(|f| f.has(id)))
            .or(ids.last())
            .map(String::as_str)
            .unwrap_or("");
        self.tr_args(id, args)
    }

    /// A finding of explain in the terms of the tool whose output it read.
    pub fn finding_text(
        &self,
        kind: crate::core::explain::Kind,
        f: &crate::core::explain::Finding,
    ) -> String {
        // A reason quoted by the finding is said in words, not by its id.
        let mut args: Vec<(&str, String)> = f
            .args
            .iter()
            .map(|(k, v)| match *k {
                // The reason's own values (a flash code, a stratum) are
                // the finding's too.
                "why" => (*k, self.tr_args(&format!("why-{v}"), &f.args)),
                "tests" => (*k, self.ntp_tests(v)),
                // A source with no address to show (chrony 4.0's
                // `[UNSPEC]` for one never answered): named as such.
                "sources" if v.trim().is_empty() => (*k, UNNAMED.to_string()),
                "sources" => (*k, self.sources_list(v)),
                _ => (*k, v.clone()),
            })
            .collect();
        // The device's maker, for advice in its own commands.
        args.push(("vendor", kind.vendor().to_string()));
        let text = self.tr_first(&crate::core::explain::finding_ids(kind, f), &args);
        // Only chronyc prints [UNSPEC]; another tool's output simply names
        // no server (timedatectl's empty ServerName=).
        let chronyc = kind.family() == crate::core::explain::Family::Chrony;
        self.unnamed_source(text, chronyc)
    }

    /// The name of a source with no address, as the sentence needs it:
    /// "The source …" where a sentence starts, "the source …" within one.
    fn unnamed_source(&self, text: String, chronyc: bool) -> String {
        if !text.contains(UNNAMED) {
            return text;
        }
        let mut out = String::with_capacity(text.len() + 64);
        for (i, part) in text.split(UNNAMED).enumerate() {
            if i > 0 {
                let before = out.trim_end();
                let starts = before.is_empty()
                    || before.ends_with(['.', ':', ';', '!', '?', '。', '：', '；']);
                out.push_str(&self.tr(match (chronyc, starts) {
                    (true, true) => "explain-unnamed-source",
                    (true, false) => "explain-unnamed-source-inline",
                    (false, true) => "explain-unnamed-server",
                    (false, false) => "explain-unnamed-server-inline",
                }));
            }
            out.push_str(part);
        }
        out
    }

    /// Names listed in a sentence, joined the language's way: "a, b" in
    /// English, "a、b" in Chinese (the enumeration comma). Every list of
    /// names a text shows goes through here.
    pub fn list<S: AsRef<str>>(&self, items: impl IntoIterator<Item = S>) -> String {
        let sep = self.tr("list-separator");
        let mut out = String::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            out.push_str(item.as_ref());
        }
        out
    }

    /// A finding's or a reason's `sources` argument (the names as explain
    /// keeps them, joined by ", ") as a list in this language.
    fn sources_list(&self, v: &str) -> String {
        self.list(v.split(", ").filter(|s| !s.is_empty()))
    }

    /// ntpdata's failed NTP tests (comma-separated ids, judge::NTP_TESTS)
    /// in words: RFC 5905's numbered tests and the loop test translated,
    /// the server-line options (maxdelay…) as chrony.conf spells them.
    pub fn ntp_tests(&self, ids: &str) -> String {
        let tests = ids
            .split(',')
            .filter(|id| !id.is_empty())
            .map(|id| self.tr(&format!("ntp-test-{id}")));
        self.list(tests)
    }

    /// What a field means, for the output it comes from.
    pub fn field_meaning(&self, kind: crate::core::explain::Kind, name: &str) -> String {
        self.tr_first::<&str>(&crate::core::explain::field_ids(kind, name), &[])
    }

    /// Why a value got its verdict.
    pub fn reason_text(&self, r: &crate::core::explain::Reason) -> String {
        self.tr_first(&[format!("why-{}", r.id)], &self.reason_args(r))
    }

    /// Why a value of `kind`'s output got its verdict, in that tool's
    /// terms where they differ (`why-<id>-<kind>`, `why-<id>-<family>`: an
    /// ntpd row speaks of “restrict”, not chrony's “allow”).
    pub fn reason_text_in(
        &self,
        kind: crate::core::explain::Kind,
        r: &crate::core::explain::Reason,
    ) -> String {
        let id = r.id.id();
        let ids = [
            format!("why-{id}-{}", kind.name()),
            format!("why-{id}-{}", kind.family().id()),
            format!("why-{id}"),
        ];
        self.tr_first(&ids, &self.reason_args(r))
    }

    fn reason_args(&self, r: &crate::core::explain::Reason) -> Vec<(&'static str, String)> {
        r.args
            .iter()
            .map(|(k, v)| match *k {
                "tests" => (*k, self.ntp_tests(v)),
                "sources" => (*k, self.sources_list(v)),
                _ => (*k, v.clone()),
            })
            .collect()
    }

    /// A verdict's reason and the field's meaning as one sentence pair,
    /// with the language's own full stop.
    pub fn reason_and_meaning(&self, reason: &str, meaning: &str) -> String {
        self.tr_args(
            "explain-reason-meaning",
            &[("reason", reason), ("meaning", meaning)],
        )
    }

    /// The human name of a kind of output (`chronyc sources`).
    pub fn kind_title(&self, kind: crate::core::explain::Kind, csv: bool) -> String {
        let title = self.tr(&kind.title_id());
        if csv {
            self.tr_args("explain-kind-csv", &[("kind", title)])
        } else {
            title
        }
    }
}

/// Message ids defined in one Fluent source text.
pub fn message_ids(text: &str) -> Vec<String> {
    let res = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    res.entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// The system's refusals and failures in words (types in errors.rs).
impl Localizer {
    /// Why the system refused, in this language: the one text every
    /// message about a file that cannot be read or written shows.
    pub fn os_error(&self, e: &OsError) -> String {
        self.tr_args("os-error", &e.args())
    }

    /// A failure as its sentence, the system's refusal (if any) as its
    /// `reason` in this language.
    pub fn user_error(&self, e: &UserError) -> String {
        let mut args = e.args.clone();
        if let Some(os) = &e.os {
            args.push(("reason", self.os_error(os)));
        }
        self.tr_args(e.id, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_picks_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "zh_CN.UTF-8")])),
            Lang::ZhCn
        );
        assert_eq!(
            Lang::from_locale_vars(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])),
            Lang::En
        );
        assert_eq!(Lang::from_locale_vars(env(&[])), Lang::En);
        assert_eq!(
            Lang::from_locale_vars(env(&[("LANG", "de_DE.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn messages_format_without_isolation_marks() {
        let en = Localizer::new(Lang::En);
        let text = en.tr_args("lint-bad-subnet", &[("subnet", "10.0.0.0/33")]);
        assert!(text.contains("10.0.0.0/33"), "{text}");
        assert!(!text.contains('\u{2068}'));
        let zh = Localizer::new(Lang::ZhCn);
        assert_ne!(zh.tr("lint-bad-subnet"), en.tr("lint-bad-subnet"));
    }

    #[test]
    fn the_systems_refusals_are_said_in_the_users_language() {
        let zh = Localizer::new(Lang::ZhCn);
        let en = Localizer::new(Lang::En);
        let missing = std::fs::read("/nonexistent/stratum-test").unwrap_err();
        let dir = std::fs::read("/").unwrap_err();
        for (e, kind) in [
            (&missing, OsErrorKind::NotFound),
            (&dir, OsErrorKind::IsADirectory),
        ] {
            let os = OsError::from(e);
            assert_eq!(os.kind, kind);
            for tr in [&zh, &en] {
                let text = tr.os_error(&os);
                assert!(!text.contains("os error"), "{text}");
                assert!(!text.is_empty());
            }
        }
        let e = UserError::cannot_read("/nonexistent/x", &missing);
        assert_eq!(
            zh.user_error(&e),
            "无法读取 /nonexistent/x：文件或目录不存在。"
        );
        assert_eq!(
            en.user_error(&e),
            "Cannot read /nonexistent/x: there is no such file or directory."
        );
        // A kind without its own words keeps the system's, escaped.
        let odd = std::io::Error::other("odd\u{1b}[2J");
        let text = zh.os_error(&OsError::from(&odd));
        assert!(text.contains("odd\\u{1b}[2J"), "{text}");
    }
}
