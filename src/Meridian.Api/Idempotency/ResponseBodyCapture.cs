using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Meridian.Api.Idempotency;

/// <summary>Stands in for the response body while an idempotent request runs: every byte goes through to the
/// client as before and is also kept, up to <c>limit</c> bytes, to be stored as the first answer.</summary>
internal sealed class ResponseBodyCapture(IHttpResponseBodyFeature inner, int limit) : Stream, IHttpResponseBodyFeature
{
    private readonly MemoryStream _kept = new();
    private PipeWriter? _writer;

    /// <summary>The body was longer than the limit; what was kept is incomplete.</summary>
    public bool Overflowed { get; private set; }

    public byte[] Kept => _kept.ToArray();

    Stream IHttpResponseBodyFeature.Stream => this;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(this, new StreamPipeWriterOptions(leaveOpen: true));

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Sends on what the endpoint wrote to <see cref="Writer"/> and did not flush, so it is in
    /// <see cref="Kept"/>. Nothing is flushed when nothing is pending: flushing would start the response.</summary>
    public async Task FlushPendingAsync()
    {
        if (_writer is null || (_writer.CanGetUnflushedBytes && _writer.UnflushedBytes == 0)) return;
        await _writer.FlushAsync();
    }

    public void DisableBuffering() => inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        SendFileFallback.SendFileAsync(this, path, offset, count, cancellationToken);

    public async Task CompleteAsync()
    {
        await FlushPendingAsync();
        await inner.CompleteAsync();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        inner.Stream.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return inner.Stream.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Stream.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.Stream.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _kept.Dispose();
        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        if (Overflowed) return;
        if (_kept.Length + bytes.Length > limit)
        {
            Overflowed = true;
            return;
        }
        _kept.Write(bytes);
    }
}
