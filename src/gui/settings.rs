//! Settings that persist between runs (TOML in the user's config dir).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PlotWindow {
    #[default]
    FiveMinutes,
    OneHour,
    OneDay,
    SevenDays,
}

impl PlotWindow {
    pub const ALL: [PlotWindow; 4] = [
        PlotWindow::FiveMinutes,
        PlotWindow::OneHour,
        PlotWindow::OneDay,
        PlotWindow::SevenDays,
    ];

    pub fn seconds(self) -> f64 {
        match self {
            PlotWindow::FiveMinutes => 300.0,
            PlotWindow::OneHour => 3600.0,
            PlotWindow::OneDay => 86400.0,
            PlotWindow::SevenDays => 7.0 * 86400.0,
        }
    }

    pub fn label_id(self) -> &'static str {
        match self {
            PlotWindow::FiveMinutes => "gui-window-5m",
            PlotWindow::OneHour => "gui-window-1h",
            PlotWindow::OneDay => "gui-window-24h",
            PlotWindow::SevenDays => "gui-window-7d",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    pub lang: Option<Lang>,
    pub dark: bool,
    pub socket: Option<String>,
    /// The chronyd a lab helper runs (and whose rules lint follows); none:
    /// the one `stratum` finds ($STRATUM_CHRONYD, /usr/sbin/chronyd, PATH).
    pub chronyd: Option<String>,
    /// Text and controls scale (font scaling), 1.0 = as designed.
    pub zoom: f32,
    /// Remote helpers connected to before (`ssh://…`), newest first.
    pub recent: Vec<String>,
    pub plot_window: PlotWindow,
    pub panel: String,
    /// What the Export panel was given (the lab servers, the key, where
    /// each format was saved): a restart keeps it.
    pub export: ExportFields,
    /// The Guided setup's chosen role and its fields (none: never chosen,
    /// the window offers its first setup).
    pub setup: Option<SetupFields>,
    /// Where these settings live: set by `load_from`; settings made in
    /// code (tests) have none and are never written.
    #[serde(skip)]
    pub file: Option<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            lang: None,
            dark: true,
            socket: None,
            chronyd: None,
            recent: Vec::new(),
            zoom: 1.0,
            plot_window: PlotWindow::FiveMinutes,
            // A first run starts at the guided setup.
            panel: "setup".into(),
            export: ExportFields::default(),
            setup: None,
            file: None,
        }
    }
}

/// The Export panel's inputs kept between runs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportFields {
    pub servers: String,
    pub peer: String,
    /// "This is the backup of a pair": kept with its peer, so a restart
    /// never turns the backup's file into the primary's peering with
    /// itself.
    pub backup: bool,
    pub key: String,
    /// Where each format was last saved, by its name (`chrony-client`).
    pub paths: std::collections::BTreeMap<String, String>,
}

/// Guided setup's role and what was typed for it, kept between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SetupFields {
    pub role: crate::core::conf::roles::Role,
    #[serde(default)]
    pub input: crate::core::conf::roles::RoleInput,
}

pub fn path() -> PathBuf {
    directories::ProjectDirs::from("", "", "stratum")
        .map(|d| d.config_dir().join("settings.toml"))
        .unwrap_or_else(|| std::env::temp_dir().join("stratum-settings.toml"))
}

impl Settings {
    /// The user's settings; a missing or unreadable file gives the defaults.
    pub fn load() -> Settings {
        Settings::load_from(path())
    }

    /// The settings in `file` (the defaults if it is missing or unreadable),
    /// saved back there.
    pub fn load_from(file: PathBuf) -> Settings {
        let mut s: Settings = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| toml::from_str(&t).ok())
            .unwrap_or_default();
        s.file = Some(file);
        s
    }

    /// Writes the settings to their file (atomically; nothing for settings
    /// that have none). The error is said in the user's language.
    pub fn save(&self) -> Result<(), String> {
        let Some(p) = &self.file else {
            return Ok(());
        };
        let tr = crate::i18n::Localizer::new(self.lang.unwrap_or_else(crate::i18n::Lang::from_env));
        let fail = |reason: String| {
            tr.tr_args(
                "cli-cannot-write",
                &[("path", p.display().to_string()), ("reason", reason)],
            )
        };
        let os = |e: std::io::Error| fail(tr.os_error(&crate::i18n::OsError::from(&e)));
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir).map_err(os)?;
        }
        let text = toml::to_string_pretty(self).map_err(|e| fail(e.to_string()))?;
        crate::fsutil::write_atomic(p, text.as_bytes())
            .map(drop)
            .map_err(os)
    }
}
