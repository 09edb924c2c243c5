import { describeHostileSubmissions } from "./hostile-cases";

describeHostileSubmissions("fresh isolates built per job, as the CLI grades");
