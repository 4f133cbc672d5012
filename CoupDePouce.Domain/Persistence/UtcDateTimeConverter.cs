using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CoupDePouce.Domain.Persistence;

/// <summary>Keeps DateTime values in UTC on the way in and marks them UTC on the way out.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
