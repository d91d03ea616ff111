// A recorded walkthrough as text, for its golden file: per step the messages it shows (as the log
// writes them, with the simulated time of the first of each fold), the tables, the badges and the
// clock, and how much of the full trace it leaves out. Reviewing a diff of this text is how an author
// checks that narration and traffic still agree.
import { formatTime } from '../../core/trace';
import { tableText } from '../cluster/tables';
import type { Recorded } from './record';

export function goldenText(title: string, { walkthrough, steps }: Recorded): string {
	const out = [`# ${title}`, ''];
	for (const r of steps) {
		const step = walkthrough.steps.find((s) => s.id === r.step)!;
		const hidden = r.entries.filter((e) => e.type === 'message').length;
		const notes = r.entries.length - hidden;
		out.push(`## ${r.step}: ${step.title} (until ${formatTime(r.time)}${r.clock ? `, clock ${r.clock}` : ''})`, '');
		out.push(`Sent during the step: ${hidden} messages, ${notes} notes. Shown (${r.messages.length}):`);
		r.messages.forEach((m, i) => out.push(`  ${formatTime(r.times[i]!)} ${m.from} → ${m.to}: ${m.summary}`));
		const badges = Object.entries(step.badges ?? {}).map(([k, v]) => `${k} ${v}`);
		out.push('', `Badges: ${badges.join(', ') || 'none'}`, '', ...r.tables.map(tableText), '');
	}
	return out.join('\n');
}
