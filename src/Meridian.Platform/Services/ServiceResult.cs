using System.Diagnostics.CodeAnalysis;

namespace Meridian.Platform.Services;

/// <summary>The outcome of a service call: a value, or an error saying why nothing changed.</summary>
public readonly struct ServiceResult<T>
{
    private ServiceResult(T? value, ServiceError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public ServiceError? Error { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success/Failure are the named forms.")]
    public static implicit operator ServiceResult<T>(T value) => Success(value);

    [SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success/Failure are the named forms.")]
    public static implicit operator ServiceResult<T>(ServiceError error) => Failure(error);

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs to the result type.")]
    public static ServiceResult<T> Success(T value) => new(value, null);

    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs to the result type.")]
    public static ServiceResult<T> Failure(ServiceError error) => new(default, error);

    public override string ToString() => Succeeded ? $"ok: {Value}" : $"{Error.Kind}: {Error.Message}";
}
