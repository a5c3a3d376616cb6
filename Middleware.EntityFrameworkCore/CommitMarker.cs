namespace YieldDeps.EntityFrameworkCore;

/// <summary>
/// A row the unit of work writes in its transaction just before committing, when commit verification is on: if the
/// commit fails in a way that leaves its outcome unknown, the row's presence, read on a fresh connection, says
/// whether the transaction committed. Mapped by <see cref="CommitMarkerModelBuilderExtensions.AddCommitMarkers"/>.
/// </summary>
internal sealed class CommitMarker
{
    /// <summary>The table's default name.</summary>
    public const string TableName = "yielddeps_commit_markers";

    /// <summary>Gets or sets the marker's id: a fresh <see cref="Guid"/> per unit of work, in its 32-digit form.</summary>
    public string Id { get; set; } = "";

    /// <summary>Gets or sets when the marker was written (UTC), so that markers left behind can be deleted by age.</summary>
    public DateTime CreatedAt { get; set; }
}
