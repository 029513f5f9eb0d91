using Microsoft.Extensions.DependencyInjection;

namespace Meridian.Api.Http;

/// <summary>Registers the exception handlers that answer a failed request with its real status instead of 500. The
/// exception-handler middleware asks them in order before its own fallback.</summary>
public static class RequestFailureHandling
{
    public static IServiceCollection AddRequestFailureHandlers(this IServiceCollection services)
    {
        services.AddExceptionHandler<DatabaseOutageHandler>();
        services.AddExceptionHandler<RejectedRequestHandler>();
        return services;
    }
}
