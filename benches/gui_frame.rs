//! CPU time per frame of the app with 10,000 clients and 7 days of 1 Hz
//! history for 8 series (decimated by the helper's query, as in real use).
//! Layout + tessellation, no GPU. Run: cargo bench --bench gui_frame

use std::net::{IpAddr, Ipv4Addr};
use std::time::Instant;

use stratum::core::cmdmon::Client;
use stratum::core::history::History;
use stratum::gui::app::{App, Panel};
use stratum::gui::backend::{Backend, Event};
use stratum::gui::settings::Settings;
use stratum::ipc::Snapshot;

fn main() {
    let mut app = App::headless(
        Settings::default(),
        Backend::offline(std::sync::Arc::new(|_| {})),
    );
    let clients: Vec<Client> = (0..10_000u32)
        .map(|i| Client {
            address: IpAddr::V4(Ipv4Addr::from(0x0a00_0000 + i)),
            ntp_hits: i * 7 % 5000,
            ntp_drops: if i % 97 == 0 { 3 } else { 0 },
            ntp_interval: Some(6),
            ntp_interval_limit: None,
            ntp_last: Some(i % 1024),
            cmd_hits: 0,
            cmd_drops: 0,
            cmd_interval: None,
            cmd_last: None,
            nts_ke_hits: 0,
            nts_ke_drops: 0,
            nts_ke_interval: None,
            nts_ke_last: None,
        })
        .collect();
    let now = stratum::sys::now();
    let tracking = stratum::core::cmdmon::Tracking {
        ref_id: 0x0a00_0001,
        address: Some(IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1))),
        stratum: 2,
        leap_status: 0,
        ref_time: now,
        system_time: 1e-6,
        last_offset: 2e-6,
        rms_offset: 3e-6,
        frequency_ppm: -12.5,
        residual_freq_ppm: 0.01,
        skew_ppm: 0.05,
        root_delay: 0.001,
        root_dispersion: 0.0005,
        update_interval: 64.0,
    };
    app.state.on_event(Event::Snapshot(Box::new(Snapshot {
        time: now,
        tracking: Some(tracking),
        clients,
        ..Snapshot::default()
    })));

    // 7 days at 1 Hz for 8 series, then what the plots ask for.
    let names = [
        "system.offset",
        "system.frequency",
        "system.residual_freq",
        "system.skew",
        "source.10.0.0.1.offset",
        "source.10.0.0.1.error",
        "source.10.0.0.2.offset",
        "source.10.0.0.2.error",
    ]
    .map(|n| n.parse::<stratum::ipc::SeriesId>().expect("a series name"));
    let mut h = History::default();
    let start = now - 7.0 * 86400.0;
    let t = Instant::now();
    for i in 0..7 * 86400 {
        let x = f64::from(i);
        for (k, n) in names.iter().enumerate() {
            h.push(n, start + x, (x * 0.001 + k as f64).sin() * 1e-5);
        }
    }
    println!(
        "history: 8 series x 604800 samples recorded in {:.2} s",
        t.elapsed().as_secs_f64()
    );
    // What the Plots panel asks for in this window (its width, 2 px a point).
    let columns = stratum::gui::panels::plots::columns_for(1150.0);
    let t = Instant::now();
    for n in &names {
        app.state.on_event(Event::History(vec![(
            n.clone(),
            h.query(n, start, now, columns),
        )]));
    }
    println!(
        "helper-side query of 7 days for 8 series ({columns} columns each): {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    // The Statistics panel over the same 7 days: what the backend gets
    // from the helper (nothing decimated) and analyses off the UI thread.
    let offset = names[0].clone();
    let t = Instant::now();
    let points: Vec<(f64, f64)> = h
        .query(&offset, start, now, 20_000)
        .iter()
        .map(|(t, lo, hi)| (*t, (lo + hi) / 2.0))
        .collect();
    let n = points.len();
    let analysis = stratum::core::stats::analyse(offset.field, points);
    println!(
        "statistics of 7 days ({n} points: summary, histogram, OADEV/MDEV/TDEV), on the backend: {:.2} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    app.state
        .on_event(Event::Stats(Box::new(stratum::gui::backend::StatsResult {
            series: offset,
            window: stratum::gui::settings::PlotWindow::SevenDays.seconds(),
            analysis,
        })));
    app.panels.statistics.window = stratum::gui::settings::PlotWindow::SevenDays;
    app.state.settings.plot_window = stratum::gui::settings::PlotWindow::SevenDays;
    app.state.on_event(Event::SeriesList(names.to_vec()));

    let ctx = egui::Context::default();
    stratum::gui::fonts::install(&ctx);
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 860.0),
        )),
        ..Default::default()
    };
    for panel in [
        Panel::Clients,
        Panel::Sources,
        Panel::Plots,
        Panel::Statistics,
        Panel::Overview,
    ] {
        app.state.panel = panel;
        // Warm up (fonts, caches).
        for _ in 0..5 {
            let out = ctx.run(input(), |ctx| app.ui(ctx));
            let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
        }
        // What one frame draws (to see that the panel draws its data).
        let out = ctx.run(input(), |ctx| app.ui(ctx));
        let vertices: usize = ctx
            .tessellate(out.shapes, out.pixels_per_point)
            .iter()
            .map(|p| match &p.primitive {
                egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                _ => 0,
            })
            .sum();
        let n = 100;
        let mut times = Vec::with_capacity(n);
        for _ in 0..n {
            let t = Instant::now();
            let out = ctx.run(input(), |ctx| app.ui(ctx));
            let prims = ctx.tessellate(out.shapes, out.pixels_per_point);
            std::hint::black_box(prims);
            times.push(t.elapsed().as_secs_f64() * 1e3);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "{:<10} frame CPU: median {:.2} ms, p95 {:.2} ms (layout + tessellation, {} frames, {} vertices)",
            format!("{panel:?}"),
            times[n / 2],
            times[n * 95 / 100],
            n,
            vertices
        );
    }
}
