namespace Meridian.Platform.EmailDns;

/// <summary>The outcome of an Email DNS command: a value, or the failure with the spec's code.</summary>
public readonly struct EmailDnsResult<T>
{
    private EmailDnsResult(T? value, EmailDnsFailure? failure)
    {
        Value = value;
        Failure = failure;
    }

    public T? Value { get; }

    public EmailDnsFailure? Failure { get; }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success/Fail are the named forms.")]
    public static implicit operator EmailDnsResult<T>(T value) => new(value, null);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2225:Operator overloads have named alternates", Justification = "Success/Fail are the named forms.")]
    public static implicit operator EmailDnsResult<T>(EmailDnsFailure failure) => new(default, failure);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs to the result type.")]
    public static EmailDnsResult<T> Success(T value) => new(value, null);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "The factory belongs to the result type.")]
    public static EmailDnsResult<T> Fail(EmailDnsFailure failure) => new(default, failure);
}
