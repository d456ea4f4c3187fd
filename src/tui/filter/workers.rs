//! Filter queries off the UI thread: one worker per filter (each keeps its own
//! engine session, so narrowing as a query grows works per list), newest query
//! wins (an older run stops at its next chunk), results sent into the event
//! loop's channel as an action, so the loop wakes for them without a timer.

use super::Slot;
use super::engine::{Engine, Request};
use crate::query::Session;
use crate::tui::action::Action;
use crate::tui::events::Input;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

/// One worker thread and the newest generation asked of it.
struct Lane {
    requests: Sender<Request>,
    latest: Arc<AtomicU64>,
}

/// The filter workers of one explorer run.
pub struct Workers {
    events: Sender<Input>,
    engine: Option<Arc<Engine>>,
    lanes: HashMap<Slot, Lane>,
}

impl Workers {
    /// Workers that will send their results to `events`.
    pub fn new(events: Sender<Input>) -> Workers {
        Workers {
            events,
            engine: None,
            lanes: HashMap::new(),
        }
    }

    /// Hands `requests` to the workers (started on first use, restarted when
    /// the engine changed). A request with nothing typed only cancels the
    /// run in progress for its filter. Without an engine yet (it is being
    /// prepared) runs in progress stop; the queries are asked again once it
    /// is there.
    pub fn submit(&mut self, engine: Option<&Arc<Engine>>, requests: Vec<Request>) {
        if requests.is_empty() {
            return;
        }
        let Some(engine) = engine else {
            self.cancel_all();
            return;
        };
        if !self.engine.as_ref().is_some_and(|e| Arc::ptr_eq(e, engine)) {
            self.cancel_all();
            self.lanes.clear();
            self.engine = Some(Arc::clone(engine));
        }
        for request in requests {
            let lane = match self.lanes.get(&request.slot) {
                Some(lane) => lane,
                None => {
                    let Some(lane) = spawn(Arc::clone(engine), self.events.clone()) else {
                        continue;
                    };
                    self.lanes.entry(request.slot).or_insert(lane)
                }
            };
            lane.latest.store(request.generation, Ordering::Release);
            if !request.text.trim().is_empty() {
                let _ = lane.requests.send(request);
            }
        }
    }

    fn cancel_all(&self) {
        for lane in self.lanes.values() {
            lane.latest.store(u64::MAX, Ordering::Release);
        }
    }
}

impl Drop for Workers {
    fn drop(&mut self) {
        // Closing the channels ends the threads; this stops a run in progress.
        self.cancel_all();
    }
}

fn spawn(engine: Arc<Engine>, events: Sender<Input>) -> Option<Lane> {
    let (requests, inbox) = mpsc::channel();
    let latest = Arc::new(AtomicU64::new(0));
    let shared = Arc::clone(&latest);
    std::thread::Builder::new()
        .name("filter".into())
        .spawn(move || serve(&engine, &inbox, &shared, &events))
        .ok()?;
    Some(Lane { requests, latest })
}

fn serve(engine: &Engine, inbox: &Receiver<Request>, latest: &AtomicU64, events: &Sender<Input>) {
    let mut session = Session::new();
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let generation = request.generation;
        let cancel = || latest.load(Ordering::Acquire) != generation;
        let Ok(results) = engine.run(&mut session, &request, &cancel) else {
            continue;
        };
        if cancel() {
            continue;
        }
        let action = Action::Filtered(Arc::new(results));
        if events.send(Input::Action(action)).is_err() {
            return;
        }
    }
}
