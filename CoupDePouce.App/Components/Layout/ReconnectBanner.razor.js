// The reconnect banner's buttons, on .NET 10's reconnect states (see ReconnectBanner.razor).
const banner = document.getElementById("components-reconnect-modal");
const retryButton = document.getElementById("components-reconnect-button");
const resumeButton = document.getElementById("components-resume-button");

function show() {
    banner.classList.remove("reconnect-was-resumed");
    if (!banner.open) banner.show();
}

// Once back, she is told so for a moment, then the banner goes.
function resumed() {
    banner.classList.add("reconnect-was-resumed");
    if (!banner.open) banner.show();
    setTimeout(() => { banner.classList.remove("reconnect-was-resumed"); banner.close(); }, 2500);
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        if (await Blazor.reconnect()) return;
        // The server no longer has her circuit: take its state over into a new one, or start again.
        if (await Blazor.resumeCircuit()) resumed(); else location.reload();
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (await Blazor.resumeCircuit()) resumed(); else location.reload();
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") await retry();
}

if (banner && retryButton && resumeButton) {
    banner.addEventListener("components-reconnect-state-changed", (event) => {
        switch (event.detail.state) {
            case "show": case "retrying": case "paused": case "resume-failed": show(); break;
            case "hide": resumed(); break;
            // Given up: try again as soon as she comes back to the tab.
            case "failed": show(); document.addEventListener("visibilitychange", retryWhenVisible); break;
            case "rejected": location.reload(); break;
        }
    });
    retryButton.addEventListener("click", retry);
    resumeButton.addEventListener("click", resume);
    for (const link of banner.querySelectorAll(".reconnect-reload")) {
        link.addEventListener("click", (e) => { e.preventDefault(); location.reload(); });
    }
}
