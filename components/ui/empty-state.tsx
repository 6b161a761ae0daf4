import Link from "next/link";

/**
 * What a list shows when it has nothing yet: a line saying so and, where there is one, the action
 * that would fill it (a link styled as a button).
 */
export function EmptyState({ message, action, testId }: { message: string; action?: { href: string; label: string }; testId?: string }) {
  return (
    <div className="empty" data-testid={testId}>
      <p>{message}</p>
      {action && (
        <Link className="button" href={action.href}>
          {action.label}
        </Link>
      )}
    </div>
  );
}
