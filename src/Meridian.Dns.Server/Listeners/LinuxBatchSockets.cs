using System.Runtime.InteropServices;

namespace Meridian.Dns.Server.Listeners;

/// <summary>recvmmsg/sendmmsg, which move up to a batch of datagrams per system call. On this machine
/// syscalls are most of the cost of a UDP query, so batching is the largest single saving.</summary>
internal static unsafe partial class LinuxBatchSockets
{
    public const int MsgTrunc = 0x20;
    public const int MsgWaitForOne = 0x10000;
    public const int SockaddrStorageSize = 128;
    public const int EAgain = 11;
    public const int EIntr = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public byte* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int ReceiveMany(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMany(int fd, MMsgHdr* messages, uint count, int flags);

    /// <summary>True when this process can call recvmmsg (Linux with a glibc/musl that has it).</summary>
    public static bool IsSupported { get; } = Probe();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || sizeof(MMsgHdr) != 64) return false;
        try
        {
            // An invalid descriptor proves the symbol resolves without touching any socket.
            return ReceiveMany(-1, null, 0, 0, null) == -1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
