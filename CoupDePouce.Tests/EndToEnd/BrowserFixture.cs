using Microsoft.Playwright;

namespace CoupDePouce.Tests.EndToEnd;

/// <summary>One running app and one headless Debian Chromium for all browser tests. Each member gets her own
/// browser context (her own cookies), like separate phones. A missing Chromium fails the tests: they are never
/// skipped.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public AppServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}: run `apt-get install -y chromium` (.ci/run does it).");
        }

        Assertions.SetDefaultExpectTimeout(15_000);
        await Server.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the background-networking flags Chromium keeps calling home, which this closed network refuses.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>A fresh browser context (no cookies) with a French phone-sized window by default.</summary>
    public async Task<IPage> NewPageAsync(int width = 390, int height = 844, Uri? server = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (server ?? Server.BaseUrl).ToString(),
            Locale = "fr-FR",
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A demo member (password « coupdepouce-demo »), signed in on a wide screen of her own.</summary>
    public async Task<IPage> SignedInAsync(string email, int width = 1200)
    {
        var page = await NewPageAsync(width: width);
        await new Pages.LoginPage(page).SignInAsync(email, "coupdepouce-demo");
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
