//! Screenshots: the PNGs the app asked for (the Plots panel's export, the
//! screenshot robot), and the robot itself (`STRATUM_SCREENSHOTS=DIR`, used
//! by scripts/screenshots.sh), which photographs every panel in both
//! languages once live data is there, then closes. What it pastes into
//! Explain comes from the file `STRATUM_SCREENSHOT_EXPLAIN` names.

use std::sync::Arc;
use std::time::Instant;

use super::backend::{Command, Contents};
use super::panels::Panels;
use super::state::{AppState, Panel};
use crate::i18n::{Lang, Localizer};

pub struct ShotPlan {
    pub dir: std::path::PathBuf,
    started: Instant,
    step: usize,
    frames: u32,
    /// What the robot pastes into Explain (read when the robot starts).
    explain: Option<String>,
}

/// The panels photographed, in order.
const SHOT_PANELS: [Panel; 11] = [
    Panel::Overview,
    Panel::Sources,
    Panel::Clients,
    Panel::Plots,
    Panel::Statistics,
    Panel::Fleet,
    Panel::Setup,
    Panel::Upstreams,
    Panel::Access,
    Panel::Explain,
    Panel::Export,
];

impl ShotPlan {
    pub fn new(dir: std::path::PathBuf) -> ShotPlan {
        ShotPlan {
            dir,
            started: Instant::now(),
            step: 0,
            frames: 0,
            explain: std::env::var_os("STRATUM_SCREENSHOT_EXPLAIN")
                .and_then(|p| std::fs::read_to_string(p).ok()),
        }
    }

    /// The robot, when the environment asks for it.
    pub fn from_env() -> Option<ShotPlan> {
        std::env::var_os("STRATUM_SCREENSHOTS").map(|d| ShotPlan::new(d.into()))
    }

    /// One frame of the robot.
    pub fn step(&mut self, ctx: &egui::Context, st: &mut AppState, panels: &mut Panels) {
        let plan = self;
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
        // STRATUM_SCREENSHOT_FIRST_RUN: one shot of the overview once
        // chronyd answers (a fresh lab has no sources to wait for).
        if std::env::var_os("STRATUM_SCREENSHOT_FIRST_RUN").is_some() {
            st.panel = Panel::Overview;
            let answered = st.snapshot.as_ref().is_some_and(|s| s.tracking.is_some());
            if answered || plan.started.elapsed().as_secs() > 40 {
                plan.frames += 1;
            }
            if plan.frames == 8 {
                let path = plan.dir.join("first-run.png");
                ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
                    path.display().to_string(),
                )));
            }
            if plan.frames == 14 {
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
        let total = SHOT_PANELS.len() * 2;
        if plan.step >= total {
            if plan.frames > 10 {
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            plan.frames += 1;
            return;
        }
        let lang = if plan.step < SHOT_PANELS.len() {
            Lang::En
        } else {
            Lang::ZhCn
        };
        let panel = SHOT_PANELS[plan.step % SHOT_PANELS.len()];
        if st.tr.lang() != lang {
            st.tr = Localizer::window(lang);
        }
        if st.panel != panel {
            st.panel = panel;
            plan.frames = 0;
            if panel == Panel::Explain
                && panels.explain.input.is_empty()
                && let Some(text) = plan.explain.take()
            {
                panels.explain.set_input(text);
            }
            if panel == Panel::Export && panels.export.servers.is_empty() {
                panels.export.servers = "10.0.0.123 10.0.0.124".into();
                panels.export.format = crate::core::export::Format::HuaweiVrp;
                panels.export.source_interface = "LoopBack0".into();
            }
            return;
        }
        plan.frames += 1;
        if plan.frames == 8 {
            let path = plan
                .dir
                .join(format!("{}-{}.png", lang.code(), panel.key()));
            ctx.send_viewport_cmd(egui::ViewportCommand::Screenshot(egui::UserData::new(
                path.display().to_string(),
            )));
        }
        if plan.frames == 12 {
            plan.step += 1;
        }
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
