namespace Spoc.SharedKernel.Security;

/// <summary>The caller of the current request, read from the validated access token.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    /// <summary>The caller's id; only read it in handlers behind an authorization policy.</summary>
    Guid Id { get; }

    bool IsPlatformAdmin { get; }
}

public static class Roles
{
    /// <summary>The platform role; organisation and cohort roles live in their modules' contracts.</summary>
    public const string PlatformAdmin = "Admin";
}

public static class Policies
{
    public const string SignedIn = "SignedIn";
    public const string PlatformAdmin = "PlatformAdmin";
}
