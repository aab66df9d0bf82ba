using Microsoft.AspNetCore.Http.Features;

namespace Spoc.Api.Infrastructure;

/// <summary>
/// JSON bodies are capped (<c>Api:MaxJsonBodyBytes</c>, 1 MB by default): a declared length over the cap is
/// refused at once, and Kestrel stops a streamed body when it crosses it. Either way: 413 problem+json.
/// Multipart uploads set their own, larger limit on their endpoint.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _maxJsonBytes = configuration.GetValue("Api:MaxJsonBodyBytes", 1_048_576L);

    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.HasFormContentType)
        {
            return next(context);
        }

        if (context.Request.ContentLength > _maxJsonBytes)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = _maxJsonBytes;
        }

        return next(context);
    }
}
