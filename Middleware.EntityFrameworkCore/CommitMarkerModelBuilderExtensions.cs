using Microsoft.EntityFrameworkCore;

namespace YieldDeps.EntityFrameworkCore;

/// <summary>Maps the table that commit verification (<see cref="DbContextUnitOfWorkOptions.VerifyCommit"/>) writes its markers to.</summary>
public static class CommitMarkerModelBuilderExtensions
{
    /// <summary>
    /// Adds the commit markers' table to the model: <c>yielddeps_commit_markers</c>, with a text key <c>id</c> (a
    /// <see cref="Guid"/> in its 32-digit form) and a timestamp <c>created_at</c> (UTC). Call it in
    /// <c>OnModelCreating</c> of a context whose unit of work verifies its commits, and add the table with a migration
    /// (or <c>EnsureCreated</c>) like any other.
    /// </summary>
    /// <param name="modelBuilder">The context's model builder.</param>
    /// <param name="tableName">The table's name.</param>
    /// <param name="schema">The table's schema; <see langword="null"/> for the model's default.</param>
    /// <returns>The model builder, for chaining.</returns>
    public static ModelBuilder AddCommitMarkers(this ModelBuilder modelBuilder, string tableName = CommitMarker.TableName, string? schema = null)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        ArgumentException.ThrowIfNullOrEmpty(tableName);
        modelBuilder.Entity<CommitMarker>(marker =>
        {
            marker.ToTable(tableName, schema);
            marker.HasKey(m => m.Id);
            marker.Property(m => m.Id).HasColumnName("id").HasMaxLength(32);
            marker.Property(m => m.CreatedAt).HasColumnName("created_at");
        });
        return modelBuilder;
    }
}
