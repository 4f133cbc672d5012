using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CoupDePouce.Tests.Support;

/// <summary>Every line written to the logs, at the levels the configuration lets through, with its level, category
/// and scopes: what an operator would read.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<(LogLevel Level, string Line)> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IEnumerable<string> Lines => _lines.Select(l => l.Line);

    /// <summary>The warnings and errors only.</summary>
    public IEnumerable<string> Warnings => _lines.Where(l => l.Level >= LogLevel.Warning).Select(l => l.Line);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => logs._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            logs._scopes.ForEachScope((scope, text) => text.Append(" | ").Append(scope), line);
            logs._lines.Enqueue((logLevel, line.ToString()));
        }
    }
}
