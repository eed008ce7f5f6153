// What this participant has answered, as the server stored it: under a heading, or nothing.
export function OwnAnswers({ title, answers }: { title: string; answers: { id: number; text: string }[] }) {
  if (answers.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul class="answers">
        {answers.map((a) => (
          <li key={a.id} class="said answer-text">
            {a.text}
          </li>
        ))}
      </ul>
    </>
  );
}
