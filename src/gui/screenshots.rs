//! Screenshots: the PNGs the app asked for (the Plots panel's export, the
//! screenshot robot), and the robot itself (`STRATUM_SCREENSHOTS=DIR`, used
//! by scripts/screenshots.sh), which photographs panels in both languages
//! once live data is there, then closes.
//!
//! The robot's environment: `STRATUM_SCREENSHOT_SIZE=WxH` (the window's
//! inner size, 1024x700 unless given; also in the file names),
//! `STRATUM_SCREENSHOT_PANELS=overview,sources,...` (which panels; every
//! panel of the navigation unless given), `STRATUM_SCREENSHOT_EXPLAIN=FILE`
//! (what it pastes into Explain) and `STRATUM_SCREENSHOT_FIRST_RUN` (one
//! shot of the Overview of a first run). Files: `LANG-WxH-PANEL.png`.

use std::sync::Arc;
use std::time::Instant;

use super::backend::{Command, Contents};
use super::panels::Panels;
use super::state::{AppState, Panel};
use crate::core::conf::Directive;
use crate::core::conf::Document;
use crate::core::series::{Field, SeriesId};
use crate::i18n::{Lang, Localizer};

/// The window's inner size for the robot, in points (one pixel each under
/// Xvfb).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShotSize {
    pub width: u32,
    pub height: u32,
}

impl ShotSize {
    /// The size every panel is tested at.
    pub const DEFAULT: ShotSize = ShotSize {
        width: 1024,
        height: 700,
    };

    /// `WxH` (e.g. `1920x1080`), from 320x240 to 7680x4320.
    pub fn parse(s: &str) -> Option<ShotSize> {
        let (w, h) = s.trim().split_once(['x', 'X'])?;
        let size = ShotSize {
            width: w.parse().ok()?,
            height: h.parse().ok()?,
        };
        ((320..=7680).contains(&size.width) && (240..=4320).contains(&size.height)).then_some(size)
    }

    /// As in the file names: `1024x700`.
    pub fn label(self) -> String {
        format!("{}x{}", self.width, self.height)
    }

    pub fn points(self) -> [f32; 2] {
        [self.width as f32, self.height as f32]
    }
}

/// The panels of `STRATUM_SCREENSHOT_PANELS` (their keys, comma-separated),
/// in the order given; an unknown key is refused with its name.
pub fn parse_panels(s: &str) -> Result<Vec<Panel>, String> {
    s.split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .map(|k| {
            Panel::ALL
                .into_iter()
                .find(|p| p.key() == k)
                .ok_or_else(|| k.to_string())
        })
        .collect()
}

/// The robot's window size, when the robot runs.
pub fn robot_size() -> Option<ShotSize> {
    std::env::var_os("STRATUM_SCREENSHOTS")?;
    Some(size_from_env())
}

fn size_from_env() -> ShotSize {
    match std::env::var("STRATUM_SCREENSHOT_SIZE") {
        Ok(s) => ShotSize::parse(&s).unwrap_or_else(|| {
            tracing::warn!("STRATUM_SCREENSHOT_SIZE={s:?} is not WxH: using the default");
            ShotSize::DEFAULT
        }),
        Err(_) => ShotSize::DEFAULT,
    }
}

pub struct ShotPlan {
    pub dir: std::path::PathBuf,
    started: Instant,
    step: usize,
    frames: u32,
    /// What the robot pastes into Explain (read when the robot starts).
    explain: Option<String>,
    size: ShotSize,
    /// The panels photographed, in order, in each language.
    panels: Vec<Panel>,
    first_run: bool,
    /// The frame at which the panel showed its data.
    ready_at: Option<u32>,
    /// The document as it was before the robot's edit for the Apply
    /// panel.
    restore: Option<Document>,
}

/// Frames a panel is given to show its data (fetched history, a
/// computed analysis) before it is photographed anyway: 100 ms each.
const READY_FRAMES: u32 = 150;

/// Frames a shot is given to be written before the tour goes on anyway.
const WRITE_FRAMES: u32 = 300;

impl ShotPlan {
    pub fn new(dir: std::path::PathBuf) -> ShotPlan {
        let panels = match std::env::var("STRATUM_SCREENSHOT_PANELS").map(|s| parse_panels(&s)) {
            Ok(Ok(list)) if !list.is_empty() => list,
            Ok(Err(k)) => {
                tracing::warn!("STRATUM_SCREENSHOT_PANELS: no panel {k:?}: taking every panel");
                Panel::ALL.to_vec()
            }
            _ => Panel::ALL.to_vec(),
        };
        ShotPlan {
            dir,
            started: Instant::now(),
            step: 0,
            frames: 0,
            explain: std::env::var_os("STRATUM_SCREENSHOT_EXPLAIN")
                .and_then(|p| std::fs::read_to_string(p).ok()),
            size: size_from_env(),
            panels,
            first_run: std::env::var_os("STRATUM_SCREENSHOT_FIRST_RUN").is_some(),
            ready_at: None,
            restore: None,
        }
    }

    /// The robot, when the environment asks for it.
    pub fn from_env() -> Option<ShotPlan> {
        std::env::var_os("STRATUM_SCREENSHOTS").map(|d| ShotPlan::new(d.into()))
    }

    /// The file of a shot.
    pub fn path(&self, lang: Lang, what: &str) -> std::path::PathBuf {
        self.dir
            .join(format!("{}-{}-{what}.png", lang.code(), self.size.label()))
    }

    /// The robot ignores the pointer: wherever the (virtual) screen's
    /// pointer is, no tooltip or hover shows in a shot.
    pub fn input(&self, raw: &mut egui::RawInput) {
        raw.events.retain(|e| {
            !matches!(
                e,
                egui::Event::PointerMoved(_)
                    | egui::Event::MouseMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::MouseWheel { .. }
                    | egui::Event::Touch { .. }
                    | egui::Event::Zoom(_)
            )
        });
        raw.events.push(egui::Event::PointerGone);
    }

    /// One frame of the robot.
    pub fn step(&mut self, ctx: &egui::Context, st: &mut AppState, panels: &mut Panels) {
        let plan = self;
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        // A first run: one shot of the overview once chronyd answers (a
        // fresh lab has no sources to wait for).
        if plan.first_run {
            st.panel = Panel::Overview;
            let answered = st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some());
            if answered || plan.started.elapsed().as_secs() > 40 {
                plan.frames += 1;
            }
            let path = plan.path(Lang::En, "first-run");
            if plan.frames == 8 {
                let _ = std::fs::remove_file(&path);
                shoot(ctx, &path);
            }
            // The backend writes the shot in its turn: close once it is there.
            if plan.frames >= 14 && (path.exists() || plan.frames > 600) {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            return;
        }
        let live = st
            .snapshot
            .as_ref()
            .is_some_and(|s| s.tracking.is_some() && !s.sources.is_empty());
        let plotted = st.history.values().any(|v| v.len() > 5);
        if plan.step == 0 && !(live && plotted) && plan.started.elapsed().as_secs() < 40 {
            // Visit the plots so that history gets requested.
            st.panel = Panel::Plots;
            return;
        }
        let n = plan.panels.len();
        let total = n * 2;
        if plan.step >= total {
            // The backend encodes and writes the shots one after another (a
            // debug build on a busy machine falls behind the tour): close
            // once every file is there, or after a minute.
            let written = [Lang::En, Lang::ZhCn]
                .iter()
                .all(|l| plan.panels.iter().all(|p| plan.path(*l, p.key()).exists()));
            if plan.frames > 10 && (written || plan.frames > 600) {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            plan.frames += 1;
            return;
        }
        let lang = if plan.step < n { Lang::En } else { Lang::ZhCn };
        let panel = plan.panels[plan.step % n];
        if st.tr.lang() != lang {
            st.tr = Localizer::window(lang);
        }
        if st.panel != panel {
            if let Some(doc) = plan.restore.take() {
                st.doc = doc;
            }
            st.panel = panel;
            st.selected = None;
            plan.frames = 0;
            plan.ready_at = None;
            prepare(panel, st, panels, &mut plan.explain, &mut plan.restore);
            return;
        }
        plan.frames += 1;
        // Once the panel shows its data (or after a while anyway), a few
        // frames for the layout to settle, the shot, a few more for it to
        // be taken.
        if plan.ready_at.is_none() && (ready(panel, st, panels) || plan.frames >= READY_FRAMES) {
            plan.ready_at = Some(plan.frames);
        }
        let Some(at) = plan.ready_at else {
            return;
        };
        let path = plan.path(lang, panel.key());
        if plan.frames == at + 8 {
            // A file left from an earlier tour must not pass for this shot.
            let _ = std::fs::remove_file(&path);
            shoot(ctx, &path);
        }
        // The next panel once this shot is written: the backend encodes
        // PNGs on the thread that also checks configurations, and a queue
        // of shots would keep the Apply panel's check from coming back.
        if plan.frames > at + 12 && (path.exists() || plan.frames > at + 12 + WRITE_FRAMES) {
            plan.step += 1;
            plan.ready_at = None;
        }
    }
}

/// Asks the window for a shot, written to `path` by the backend.
fn shoot(ctx: &egui::Context, path: &std::path::Path) {
    ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
        path.display().to_string(),
    )));
}

/// What a user would have typed before looking at a panel.
fn prepare(
    panel: Panel,
    st: &mut AppState,
    panels: &mut Panels,
    explain: &mut Option<String>,
    restore: &mut Option<Document>,
) {
    match panel {
        Panel::Explain if panels.explain.input.is_empty() => {
            if let Some(text) = explain.take() {
                panels.explain.set_input(text);
            }
        }
        Panel::Export if panels.export.servers.is_empty() => {
            panels.export.servers = "10.0.0.123 10.0.0.124".into();
            panels.export.format = crate::core::export::Format::HuaweiVrp;
            panels.export.source_interface = "LoopBack0".into();
        }
        Panel::Fleet => pick_fleet_host(st),
        Panel::Apply if restore.is_none() => {
            // A subnet added on the Access panel, not applied: the diff
            // and its check (the document comes back after the shot).
            *restore = Some(st.doc.clone());
            let added = Document::parse("allow 192.0.2.0/24");
            if let Some((_, Directive::Access(a))) = added.directives().next() {
                st.doc.add_access(a);
            }
        }
        _ => {}
    }
}

/// The Fleet panel's chosen server: the first watched server that has
/// sources of its own (a client of the lab: its sources and offset tell
/// more than an upstream serving its own clock), else the first.
fn pick_fleet_host(st: &mut AppState) {
    if st.fleet_selected.is_some() {
        return;
    }
    st.fleet_selected = st
        .fleet
        .iter()
        .find(|r| r.sources.is_some_and(|n| n > 0))
        .or_else(|| st.fleet.first())
        .map(|r| r.host.clone());
}

/// Whether the panel shows what it fetches: history, an analysis, the
/// fleet, the roster's verdicts.
fn ready(panel: Panel, st: &mut AppState, panels: &Panels) -> bool {
    match panel {
        Panel::Plots => st.history.values().any(|v| v.len() > 5),
        Panel::Statistics => {
            let form = &panels.statistics;
            st.stats
                .as_ref()
                .is_some_and(|r| r.series == form.series && r.window == form.window.seconds())
        }
        Panel::Fleet => {
            pick_fleet_host(st);
            st.fleet_selected.as_ref().is_some_and(|h| {
                st.fleet_host_live.is_some()
                    && st
                        .history
                        .get(&SeriesId::host(h.clone(), Field::Offset))
                        .is_some_and(|v| v.len() > 5)
            })
        }
        // The check of the file as it is now has come back.
        Panel::Apply => st.lint.diagnostics.is_some() && st.lint.text == st.doc.render_lossy(),
        Panel::Roster => st.snapshot.as_ref().is_some_and(|s| s.roster.is_some()),
        _ => st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some()),
    }
}
/// The screenshots the app asked for (PNG export, the robot), handed to
/// the backend to encode and write.
pub fn screenshot_commands(ctx: &egui::Context, st: &mut AppState) {
    let shots: Vec<(Arc<egui::ColorImage>, egui::UserData)> = ctx.input(|i| {
        i.raw
            .events
            .iter()
            .filter_map(|e| match e {
                egui::Event::Screenshot {
                    image, user_data, ..
                } => Some((Arc::clone(image), user_data.clone())),
                _ => None,
            })
            .collect()
    });
    for (image, user_data) in shots {
        let Some(data) = user_data.data.as_ref() else {
            continue;
        };
        if let Some(t) = data.downcast_ref::<crate::gui::dialogs::ShotTarget>() {
            st.outbox.push(crate::gui::backend::Request {
                id: t.id,
                command: Command::WriteFile {
                    path: t.path.clone(),
                    contents: Contents::Png(image),
                    overwrite: t.overwrite,
                },
            });
        } else if let Some(path) = data.downcast_ref::<String>() {
            // The robot's own shots.
            st.ask(Command::WriteFile {
                path: path.into(),
                contents: Contents::Png(image),
                overwrite: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_size_is_width_by_height_within_bounds() {
        assert_eq!(
            ShotSize::parse("1920x1080"),
            Some(ShotSize {
                width: 1920,
                height: 1080
            })
        );
        assert_eq!(
            ShotSize::parse(" 1024X700 ").map(|s| s.label()),
            Some("1024x700".into())
        );
        for bad in [
            "",
            "1024",
            "1024x",
            "x700",
            "-1x700",
            "1024x700x2",
            "100x100",
            "99999x700",
        ] {
            assert_eq!(ShotSize::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn panels_are_named_by_their_keys_in_the_order_given() {
        assert_eq!(
            parse_panels("statistics, overview,,roster"),
            Ok(vec![Panel::Statistics, Panel::Overview, Panel::Roster])
        );
        assert_eq!(parse_panels("overview,graphs"), Err("graphs".into()));
        let every: Vec<&str> = Panel::ALL.iter().map(|p| p.key()).collect();
        assert_eq!(parse_panels(&every.join(",")), Ok(Panel::ALL.to_vec()));
    }
}
