using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// Remembers the first failed <c>SaveChanges</c> of a context during a unit of work, even one the function caught,
/// so that the unit of work never commits what was saved before it.
/// </summary>
internal sealed class SaveWatch : IDisposable
{
    private readonly DbContext _context;

    public SaveWatch(DbContext context)
    {
        _context = context;
        _context.SaveChangesFailed += OnSaveChangesFailed;
    }

    /// <summary>Gets the first failed save's exception when it was a <see cref="DbUpdateException"/>.</summary>
    public DbUpdateException? Failure { get; private set; }

    public void Dispose() => _context.SaveChangesFailed -= OnSaveChangesFailed;

    private void OnSaveChangesFailed(object? sender, SaveChangesFailedEventArgs e) => Failure ??= e.Exception as DbUpdateException;
}
