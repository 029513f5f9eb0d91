using Meridian.Platform.Model;
using Meridian.Platform.Services;

namespace Meridian.Platform.Simple;

/// <summary>Where the Simple API's records live: the seam its endpoints call. Every method checks the request
/// with <see cref="SimpleRecordRules"/> against the caller's domains and blacklist first, and a refused call
/// changes nothing. Errors carry the original service's titles where it had them ("Record not found",
/// "Record already exists", "Invalid domain specified.", …).</summary>
public interface ISimpleApiBackend
{
    /// <summary>The record with this id, when it is in one of the caller's domains.</summary>
    Task<ServiceResult<SimpleRecord>> GetAsync(SimpleCaller caller, long id, CancellationToken cancellationToken);

    /// <summary>The caller's records, newest first.</summary>
    Task<SimplePage> ListAsync(SimpleCaller caller, int number, int size, CancellationToken cancellationToken);

    /// <summary>A new record; 409 "Record already exists" when its type/domain/subdomain has one.</summary>
    Task<ServiceResult<SimpleRecord>> CreateAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken);

    /// <summary>Creates the record, or points the existing one of that type/domain/subdomain at the new target.</summary>
    Task<ServiceResult<SimpleRecord>> UpsertAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken);

    /// <summary>Points the record with this id at a new target.</summary>
    Task<ServiceResult<SimpleRecord>> RetargetAsync(SimpleCaller caller, long id, string? to, CancellationToken cancellationToken);

    Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, long id, CancellationToken cancellationToken);

    /// <summary>Deletes the record of this type/domain/subdomain.</summary>
    Task<ServiceResult<SimpleRecord>> DeleteAsync(SimpleCaller caller, SimpleRecordRequest request, CancellationToken cancellationToken);
}
