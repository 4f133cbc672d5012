using Microsoft.Playwright;

namespace CoupDePouce.Tests.EndToEnd.Pages;

/// <summary>The sign-up form, as a new member fills it.</summary>
public sealed class RegisterPage(IPage page)
{
    public const string Password = "une phrase assez longue";

    public async Task<string> RegisterAsync(string displayName, string coordination, string activity = "Graphiste indépendante")
    {
        var email = $"{displayName.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@exemple.test";
        await page.GotoAsync("/compte/inscription");
        await page.GetByLabel("Votre nom").FillAsync(displayName);
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(Password);
        var option = page.Locator("#HomeCoordinationId option", new PageLocatorOptions { HasTextString = coordination });
        await page.Locator("#HomeCoordinationId").SelectOptionAsync(await option.GetAttributeAsync("value") ?? string.Empty);
        await page.GetByLabel("Votre activité, en une ligne").FillAsync(activity);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Créer mon compte" }).ClickAsync();
        return email;
    }
}

/// <summary>The sign-in form.</summary>
public sealed class LoginPage(IPage page)
{
    public async Task SignInAsync(string email, string password)
    {
        await page.GotoAsync("/compte/connexion");
        await SignInHereAsync(email, password);
    }

    /// <summary>Fills the sign-in form she was sent to (keeping where she was going).</summary>
    public async Task SignInHereAsync(string email, string password)
    {
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByLabel("Mot de passe").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Se connecter", Exact = true }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/compte/connexion"));
        }
        catch (TimeoutException e)
        {
            // Say what the sign-in page answered (a message, a lockout, a refused form) rather than only "timeout".
            var shown = await page.Locator("body").InnerTextAsync();
            throw new TimeoutException($"Signing {email} in stayed on {page.Url}, which shows: {shown[..Math.Min(shown.Length, 400)]}", e);
        }
    }
}
