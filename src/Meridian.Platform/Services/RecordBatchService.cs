using Meridian.Platform.Auth;
using Meridian.Platform.Model;
using Meridian.Platform.Writing;

namespace Meridian.Platform.Services;

/// <summary>Several record changes to one zone as one change: deletions, then updates, then creations, all in one
/// transaction with one new serial, or — when any operation is refused — none of them, with every refused
/// operation reported by its place in the batch (<c>posts[2].value</c>).</summary>
public sealed class RecordBatchService
{
    public const int MaxOperations = 1000;

    private readonly ZoneWriter _writer;

    internal RecordBatchService(ZoneWriter writer) => _writer = writer;

    public Task<ServiceResult<RecordBatchResult>> ApplyAsync(Actor actor, Guid zoneId, RecordBatch batch, CancellationToken cancellationToken = default)
    {
        int operations = batch.Deletes.Count + batch.Patches.Count + batch.Posts.Count;
        if (operations == 0)
            return Task.FromResult<ServiceResult<RecordBatchResult>>(ServiceError.Validation("A batch needs at least one operation", null, "empty_batch"));
        if (operations > MaxOperations)
        {
            return Task.FromResult<ServiceResult<RecordBatchResult>>(
                ServiceError.Validation($"A batch may hold at most {MaxOperations} operations ({operations} sent)", null, "too_many_operations"));
        }
        return _writer.WriteAsync(actor, zoneId, context => ApplyAsync(context, batch, cancellationToken), cancellationToken);
    }

    private static async Task<ServiceResult<RecordBatchResult>> ApplyAsync(ZoneWriteContext context, RecordBatch batch, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var deleted = new List<Guid>(batch.Deletes.Count);
        var patched = new List<Record>(batch.Patches.Count);
        var created = new List<Record>(batch.Posts.Count);
        for (int i = 0; i < batch.Deletes.Count; i++)
        {
            // Each operation reads the records as the ones before it left them.
            await context.Statements.FlushAsync(cancellationToken);
            var outcome = await RecordService.DeleteAsync(context, batch.Deletes[i], cancellationToken);
            if (outcome.Succeeded) deleted.Add(outcome.Value.Id);
            else Report(problems, $"deletes[{i}]", outcome.Error);
        }
        for (int i = 0; i < batch.Patches.Count; i++)
        {
            await context.Statements.FlushAsync(cancellationToken);
            var (id, input) = batch.Patches[i];
            var outcome = await RecordService.UpdateAsync(context, id, input, cancellationToken);
            if (outcome.Succeeded) patched.Add(outcome.Value);
            else Report(problems, $"patches[{i}]", outcome.Error);
        }
        for (int i = 0; i < batch.Posts.Count; i++)
        {
            var outcome = RecordService.Create(context, batch.Posts[i]);
            if (outcome.Succeeded) created.Add(outcome.Value);
            else Report(problems, $"posts[{i}]", outcome.Error);
        }
        if (problems.Count > 0) return ServiceError.Invalid(problems);
        return new RecordBatchResult(deleted, patched, created, context.Zone);
    }

    private static void Report(List<Problem> problems, string operation, ServiceError error)
    {
        foreach (var problem in error.Problems)
        {
            string field = problem.Field is null ? operation : $"{operation}.{problem.Field}";
            problems.Add(new Problem(field, problem.Code, $"{operation}: {problem.Message}"));
        }
    }
}

/// <summary>The operations of a batch, each list applied in order.</summary>
public sealed record RecordBatch(IReadOnlyList<Guid> Deletes, IReadOnlyList<(Guid Id, RecordInput Input)> Patches, IReadOnlyList<RecordInput> Posts);

/// <summary>What a batch did. <see cref="Serial"/> is the zone's serial after the batch committed.</summary>
public sealed record RecordBatchResult(IReadOnlyList<Guid> Deleted, IReadOnlyList<Record> Patched, IReadOnlyList<Record> Created, Zone Zone)
{
    public long Serial => Zone.Serial;
}
