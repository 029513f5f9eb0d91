namespace Meridian.Dns.ZoneFiles;

/// <summary>Reads a zone file, stores it with BIND's rules, validates its content and prints it as
/// <c>named-compilezone -i none -k ignore -o - ORIGIN FILE</c> would. The CLI and the differential tests
/// both run this.</summary>
public static class ZoneCheck
{
    /// <summary>0 when the zone loads (records printed to <paramref name="output"/>); 1 when it does not
    /// (each problem printed to <paramref name="errors"/> as <c>FILE:LINE:COL: message</c>).</summary>
    public static int Run(ZoneCheckOptions options, TextWriter output, TextWriter errors)
    {
        byte[] source;
        try
        {
            source = File.ReadAllBytes(options.FilePath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"{options.FilePath}: {(e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message)}");
            return 1;
        }

        var reader = new ZoneFileReader(source, new ZoneFileReaderOptions
        {
            Origin = options.Origin,
            Class = options.Class,
            FileName = options.FilePath,
            AllowInclude = options.AllowInclude,
            IncludeDirectory = options.IncludeDirectory,
            Now = options.Now,
            Warning = options.ShowWarnings ? warning => errors.WriteLine($"{warning.Position}: warning: {warning.Message}") : null,
        });
        // Zone files spend roughly 30 octets per record; sizing the arrays once saves copying them.
        var builder = new CompiledZoneBuilder(options.Origin, options.Class, options.Now, capacity: (int)Math.Min(source.Length / 24 + 16, 1 << 24));
        int syntaxErrors = 0;
        while (true)
        {
            if (reader.TryReadNext(out var record))
            {
                builder.Add(record, reader.Position, reader.Group);
                continue;
            }
            if (reader.Error is null) break;
            errors.WriteLine(reader.Error.ToString());
            syntaxErrors++;
        }
        if (syntaxErrors > 0) return 1;

        var zone = builder.Build();
        var problems = ZoneValidator.Validate(zone, options.FilePath);
        if (problems.Count > 0)
        {
            foreach (var problem in problems) errors.WriteLine(problem.ToString());
            return 1;
        }
        CompiledZonePrinter.Write(zone, output);
        return 0;
    }
}
