namespace Infra.Conformance.Tests.Fakes;

/// <summary>Collects the violations of one request; some of them also make the engine reject the call.</summary>
internal sealed class ProblemCollector(string rpc, string resource)
{
    private readonly List<Violation> _violations = [];
    private readonly List<Violation> _rejections = [];

    public string Rpc { get; } = rpc;

    public string Resource { get; } = resource;

    public IReadOnlyList<Violation> Violations => _violations;

    public bool Rejects => _rejections.Count > 0;

    /// <summary>The message of the <c>InvalidArgument</c> error the real engine would return.</summary>
    public string RejectionMessage => string.Join("; ", _rejections.Select(v => v.Message));

    /// <summary>Records a violation the engine only tolerates.</summary>
    public void Add(string field, string rule, string value) => _violations.Add(new Violation(Rpc, Resource, field, rule, value));

    /// <summary>Records a violation the real engine rejects with <c>InvalidArgument</c>.</summary>
    public void Reject(string field, string rule, string value)
    {
        var violation = new Violation(Rpc, Resource, field, rule, value);
        _violations.Add(violation);
        _rejections.Add(violation);
    }

    /// <summary>Quotes a string value for a message.</summary>
    public static string Show(string? value) => value is null ? "<absent>" : $"'{value}'";

    /// <summary>Shows a bool value for a message.</summary>
    public static string Show(bool value) => value ? "true" : "false";
}
