namespace Meridian.Client;

/// <summary>Which of a Meridian deployment's two environments a key belongs to: <c>mk_live_</c> keys work in
/// production, <c>mk_test_</c> keys in the sandbox, and the two hold separate data.</summary>
public enum MeridianEnvironment
{
    Production,
    Sandbox,
}
